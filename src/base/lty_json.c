/* The JSON reader (see lty_json.h). The scanner follows PHP's re2c scanner rule by rule
 * (ext/json/json_scanner.re: longest match, the first rule on a tie) and the parser its
 * grammar (json_parser.y), so that every invalid text fails with the same class at the same
 * token: the scanner is asked for a token only when the parser needs one, and a token error
 * wins over a syntax error. scan() and step() are those rules; parse() reads the tokens each
 * state usually meets itself and hands any other byte to them. Values go to arena chunks, one
 * series for each depth, where a container that closes leaves them: its arrays point there. */
#include "lty_json.h"
#include "lty_bytes.h"
#include "lty_checked.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
	T_EOI, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET, T_COLON, T_COMMA,
	T_NULL, T_TRUE, T_FALSE, T_INT, T_DOUBLE, T_STRING, T_ERROR
} token;

/* What the parser accepts next. */
typedef enum {
	S_VALUE,           /* the top value, after ':', after ',' in an array */
	S_VALUE_OR_CLOSE,  /* after '[' */
	S_KEY_OR_CLOSE,    /* after '{' */
	S_KEY,             /* after ',' in an object */
	S_COLON,           /* after a key */
	S_NEXT,            /* after a value in a container: ',' or its end */
	S_END              /* after the top value: the end of input */
} state;

typedef struct {
	bool object;
	bool keep;         /* its values are kept: shallower than doc_depth, in a kept parent */
	bool repeats;      /* an object with a key twice (or perhaps, when large): merged on close */
	uint64_t seen;     /* an object's keys so far, a bit for each key's hash */
	size_t slot;       /* its own value's place in its parent's level (when the parent is kept) */
	size_t first;      /* its first value in its level (when kept) */
} frame;

/* The values of the containers at one depth (levels[d] for those at depth d - 1, levels[0]
 * the top value), in chunks of the arena: a container that closes keeps its values where they
 * are, its arrays pointing there, and the next one at that depth adds after them. */
typedef struct {
	lty_doc *values;
	const char **keys;       /* keys[i]: the key of values[i] in an object */
	size_t *key_lens;
	size_t count, capacity;  /* taken and room in the current chunk */
} level;

/* For the helpers of parse()'s usual path: the compiler's estimate leaves some apart, and a
 * call there costs more than their work. */
#if defined(__GNUC__) || defined(__clang__)
#define HOT static inline __attribute__((always_inline))
#elif defined(_MSC_VER)
#define HOT static __forceinline
#else
#define HOT static inline
#endif

#define LOCAL_LEVELS 40
#define LOCAL_FRAMES 40
#define LEVEL_CHUNK 16     /* values in a level's first chunk */
#define LEVEL_CHUNK_MAX 1024  /* the chunks of a level double up to this (57 KiB on 64-bit hosts) */
#define PAIRWISE_KEYS 16   /* objects up to this size look for repeated keys pair by pair */
#define POOL_CHUNK 2048    /* strings are cut from chunks of this size (half an arena block) */

static const char nested_too_deep[] = "array nested too deep";

/* A string token: its bytes between the quotes, their decoded length, and whether they have
 * escapes (then they are decoded rather than copied). */
typedef struct {
	const unsigned char *start, *end;
	size_t len;
	bool escaped;
} span;

typedef struct {
	/* the scanner */
	const unsigned char *p;      /* the next byte */
	const unsigned char *end;    /* text + len: the NUL that ends input */
	const unsigned char *last8;  /* end - 8 (the text when shorter): eight bytes read at once up to it */
	lty_json_error error;        /* with T_ERROR */
	int64_t i;                   /* T_INT */
	double d;                    /* T_DOUBLE */
	span str;                    /* T_STRING */
	/* the tree */
	lty_arena *arena;
	const lty_json_options *opt;
	uint64_t int_max, neg_int_max;  /* the magnitudes that are ints, positive and negative */
	size_t max_depth;            /* the depth at which a container is refused (SIZE_MAX: none) */
	size_t doc_depth;            /* opt->doc_depth */
	level *levels;               /* by depth */
	size_t levels_made, level_capacity;
	level *cur;                  /* the level of the values read now (when kept) */
	frame *frames;               /* the open containers, innermost last */
	frame *inner;                /* the innermost (NULL at the top) */
	size_t depth, frame_capacity;
	char *pool;                  /* where the next string goes: unaligned, not zeroed */
	char *pool_end;              /* (both at no_pool before the first string) */
	size_t nodes;                /* values in kept containers so far */
	bool keep;                   /* values read now are kept: at the top, in a kept container */
	bool in_object;              /* the innermost container is an object */
	bool too_many;               /* past opt->max_nodes: nothing more is kept */
	bool nomem;
	lty_doc top;                 /* levels[0]'s chunk: the one top value */
	char no_pool[1];
	level local_levels[LOCAL_LEVELS];
	frame local_frames[LOCAL_FRAMES];
} reader;

const char *lty_json_error_message(lty_json_error code)
{
	switch (code) {
		case LTY_JSON_OK: return "No error";
		case LTY_JSON_DEPTH: return "Maximum stack depth exceeded";
		case LTY_JSON_STATE_MISMATCH: return "State mismatch (invalid or malformed JSON)";
		case LTY_JSON_CTRL_CHAR: return "Control character error, possibly incorrectly encoded";
		case LTY_JSON_UTF8: return "Malformed UTF-8 characters, possibly incorrectly encoded";
		case LTY_JSON_UTF16: return "Single unpaired UTF-16 surrogate in unicode escape";
		default: return "Syntax error";
	}
}

/* ---- scanner ---- */

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_cont(unsigned char c)
{
	return c >= 0x80 && c <= 0xBF;
}

/* Past the well-formed UTF-8 sequence at p (p[0] >= 0x80; RFC 3629, as PHP's UTF8 rule), or
 * NULL. Each byte is read only when the one before belongs to the sequence, so the NUL after
 * the text is never passed. */
static const unsigned char *utf8_next(const unsigned char *p)
{
	unsigned char c = p[0];

	if (c >= 0xC2 && c <= 0xDF) {
		return is_cont(p[1]) ? p + 2 : NULL;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		bool second = c == 0xE0 ? p[1] >= 0xA0 && p[1] <= 0xBF : c == 0xED ? p[1] >= 0x80 && p[1] <= 0x9F : is_cont(p[1]);
		return second && is_cont(p[2]) ? p + 3 : NULL;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		bool second = c == 0xF0 ? p[1] >= 0x90 && p[1] <= 0xBF : c == 0xF4 ? p[1] >= 0x80 && p[1] <= 0x8F : is_cont(p[1]);
		return second && is_cont(p[2]) && is_cont(p[3]) ? p + 4 : NULL;
	}
	return NULL;
}

static int hex_digit(unsigned char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

/* The four hex digits at p, or -1 (read one by one: never past a non-digit). */
static long hex4(const unsigned char *p)
{
	long v = 0;
	int i, h;

	for (i = 0; i < 4; i++) {
		if ((h = hex_digit(p[i])) < 0) {
			return -1;
		}
		v = v * 16 + h;
	}
	return v;
}

static token scan_error(reader *r, lty_json_error code)
{
	r->error = code;
	return T_ERROR;
}

/* 1 for the bytes a string holds as they are: not '"', '\\', a control byte or non-ASCII. */
static const unsigned char plain_bytes[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The index of the lowest byte with its high bit set in m (m != 0, only high bits set). */
HOT size_t lowest_byte(uint64_t m)
{
#ifdef LTY_HAVE_LOWEST_BIT
	return (size_t) lty_lowest_bit(m) >> 3;
#else
	/* the lowest bit alone, moved to bit 0 of its byte, times a constant whose byte i is
	 * 7 - i: the top byte of the product is then the byte's index */
	return (size_t) ((((m & (~m + 1)) >> 7) * UINT64_C(0x0001020304050607)) >> 56);
#endif
}

/* Past the plain bytes at p: eight at a time while they are before the end of the text. A
 * byte is special when below 0x20, '"', '\\' or from 0x80: x - 0x20 (and y - 1 for y the byte
 * xored with '"' or '\\') has its high bit set for the byte below 0x20 (or 0) and, by the
 * borrow, perhaps for bytes above it but never below; bytes from 0x80 have it already. So
 * the lowest byte flagged is the first special one, and a word with none has no flag. */
HOT const unsigned char *skip_plain(const unsigned char *p, const unsigned char *last8)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);

	/* p is past an opening quote, so beyond the text's first byte: never below last8 for a
	 * text shorter than eight bytes */
	while (p <= last8) {
		uint64_t w = lty_load8(p);
		uint64_t m = ((w - ones * 0x20) | ((w ^ (ones * '"')) - ones) | ((w ^ (ones * '\\')) - ones) | w) & highs;
		if (m != 0) {
			return p + lowest_byte(m);
		}
		p += 8;
	}
	while (plain_bytes[*p]) {
		p++;
	}
	return p;
}

/* An escape at p (p[0] == '\\') checked as PHP's first pass does: its length in the text
 * and decoded, or 0 with r->error set. */
static size_t scan_escape(reader *r, const unsigned char *p, size_t *decoded)
{
	long cp, low;

	switch (p[1]) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
			*decoded = 1;
			return 2;
		case 'u':
			break;
		default:
			r->error = LTY_JSON_SYNTAX;
			return 0;
	}
	if ((cp = hex4(p + 2)) < 0) {
		r->error = LTY_JSON_SYNTAX;
		return 0;
	}
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		low = p[6] == '\\' && p[7] == 'u' ? hex4(p + 8) : -1;
		if (low < 0xDC00 || low > 0xDFFF) {
			r->error = LTY_JSON_UTF16;
			return 0;
		}
		*decoded = 4;
		return 12;
	}
	if (cp >= 0xDC00 && cp <= 0xDFFF) {
		r->error = LTY_JSON_UTF16;
		return 0;
	}
	*decoded = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
	return 6;
}

/* A string from `start` (after its opening quote) whose plain bytes reach p: checked, its
 * span and decoded length noted. */
static token scan_string_rest(reader *r, const unsigned char *start, const unsigned char *p)
{
	size_t len = (size_t) (p - start), step, decoded;
	bool escaped = false;

	while (*p != '"') {
		const unsigned char *q;
		if (*p < 0x20) {
			return scan_error(r, LTY_JSON_CTRL_CHAR);
		}
		if (*p == '\\') {
			if ((step = scan_escape(r, p, &decoded)) == 0) {
				return T_ERROR;
			}
			p += step;
			len += decoded;
			escaped = true;
		} else if ((q = utf8_next(p)) == NULL) {
			return scan_error(r, LTY_JSON_UTF8);
		} else {
			len += (size_t) (q - p);
			p = q;
		}
		q = skip_plain(p, r->last8);
		len += (size_t) (q - p);
		p = q;
	}
	r->str.start = start;
	r->str.end = p;
	r->str.len = len;
	r->str.escaped = escaped;
	r->p = p + 1;
	return T_STRING;
}

/* A string after its opening quote (at r->p). */
static token scan_string(reader *r)
{
	return scan_string_rest(r, r->p, skip_plain(r->p, r->last8));
}

static char *put_utf8(char *out, long cp)
{
	if (cp < 0x80) {
		*out++ = (char) cp;
	} else if (cp < 0x800) {
		*out++ = (char) (0xC0 | (cp >> 6));
		*out++ = (char) (0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*out++ = (char) (0xE0 | (cp >> 12));
		*out++ = (char) (0x80 | ((cp >> 6) & 0x3F));
		*out++ = (char) (0x80 | (cp & 0x3F));
	} else {
		*out++ = (char) (0xF0 | (cp >> 18));
		*out++ = (char) (0x80 | ((cp >> 12) & 0x3F));
		*out++ = (char) (0x80 | ((cp >> 6) & 0x3F));
		*out++ = (char) (0x80 | (cp & 0x3F));
	}
	return out;
}

/* n bytes for strings: unaligned, not zeroed (each string is written whole with its NUL). */
static char *pool_alloc(reader *r, size_t n)
{
	char *s;

	if (n > (size_t) (r->pool_end - r->pool)) {
		if (n > POOL_CHUNK / 4) {
			/* a long one on its own, the chunk kept for the short ones */
			if ((s = lty_arena_take(r->arena, n)) == NULL) {
				r->nomem = true;
			}
			return s;
		}
		if ((s = lty_arena_take(r->arena, POOL_CHUNK)) == NULL) {
			r->nomem = true;
			return NULL;
		}
		r->pool = s;
		r->pool_end = r->pool + POOL_CHUNK;
	}
	s = r->pool;
	r->pool += n;
	return s;
}

/* n bytes from p to s: up to 32 in two fixed-size copies that may overlap (the compiler
 * makes each a load and a store), memcpy() past that. */
HOT void copy_bytes(char *s, const unsigned char *p, size_t n)
{
	if (n >= 16) {
		if (n > 32) {
			memcpy(s, p, n);
			return;
		}
		memcpy(s, p, 16);
		memcpy(s + n - 16, p + n - 16, 16);
	} else if (n >= 8) {
		memcpy(s, p, 8);
		memcpy(s + n - 8, p + n - 8, 8);
	} else if (n >= 4) {
		memcpy(s, p, 4);
		memcpy(s + n - 4, p + n - 4, 4);
	} else if (n > 0) {
		s[0] = (char) p[0];
		s[n / 2] = (char) p[n / 2];
		s[n - 1] = (char) p[n - 1];
	}
}

/* The decoded bytes of a scanned string (already checked), NUL-terminated. */
static char *decode_string(reader *r, const span *str)
{
	const unsigned char *p = str->start, *end = str->end;
	char *s, *out;

	if (str->len == SIZE_MAX || (s = pool_alloc(r, str->len + 1)) == NULL) {
		r->nomem = true;
		return NULL;
	}
	out = s;
	s[str->len] = '\0';
	if (!str->escaped) {
		copy_bytes(s, p, str->len);
		return s;
	}
	while (p < end) {
		long cp;
		if (*p != '\\') {
			*out++ = (char) *p++;
			continue;
		}
		switch (p[1]) {
			case 'b': *out++ = '\b'; break;
			case 'f': *out++ = '\f'; break;
			case 'n': *out++ = '\n'; break;
			case 'r': *out++ = '\r'; break;
			case 't': *out++ = '\t'; break;
			case 'u':
				cp = hex4(p + 2);
				if (cp >= 0xD800 && cp <= 0xDBFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(p + 8) - 0xDC00);
					p += 6;
				}
				out = put_utf8(out, cp);
				p += 4;
				break;
			default: *out++ = (char) p[1]; break;  /* " \ / */
		}
		p += 2;
	}
	return s;
}

/* The scanned string's bytes, NUL-terminated: inline for a plain one that fits the pool. */
HOT char *string_copy(reader *r, const span *str)
{
	size_t n = str->len;
	char *s = r->pool;

	if (str->escaped || n >= (size_t) (r->pool_end - r->pool)) {
		return decode_string(r, str);
	}
	r->pool += n + 1;
	copy_bytes(s, str->start, n);
	s[n] = '\0';
	return s;
}

/* The rest of a number from p, where its integer digits end (from `digits`, after the sign):
 * a fraction or exponent, or more digits than 64 bits hold. */
static token scan_float(reader *r, const unsigned char *start, const unsigned char *digits, const unsigned char *p)
{
	bool is_float = false;

	if (*p == '.' && is_digit(p[1])) {
		for (p += 2; is_digit(*p); p++) {
		}
		is_float = true;
	}
	if ((*p == 'e' || *p == 'E') && (is_digit(p[1]) || ((p[1] == '+' || p[1] == '-') && is_digit(p[2])))) {
		for (p += 2; is_digit(*p); p++) {
		}
		is_float = true;
	}
	r->p = p;
	if (!is_float && p - digits <= 19) {
		/* at most 19 digits fit in 64 bits unsigned; the host's range decides int or float */
		uint64_t mag = 0;
		const unsigned char *q;
		bool negative = digits != start;
		for (q = digits; q < p; q++) {
			mag = mag * 10 + (uint64_t) (*q - '0');
		}
		if (mag <= (negative ? r->neg_int_max : r->int_max)) {
			r->i = !negative ? (int64_t) mag : mag == (uint64_t) INT64_MAX + 1 ? INT64_MIN : -(int64_t) mag;
			return T_INT;
		}
	}
	r->d = r->opt->read_double(r->opt->ctx, (const char *) start, (size_t) (p - start));
	return T_DOUBLE;
}

/* A number at *pp (a '-' or a digit), *pp then past it: PHP's INT, FLOAT and EXP rules,
 * longest match. An integer's value is made as its digits are read; anything else goes to
 * scan_float(). */
HOT token scan_number(reader *r, const unsigned char **pp)
{
	const unsigned char *start = *pp, *p = start, *digits;
	bool negative = *p == '-';
	uint64_t mag;
	unsigned d;

	p += negative;
	digits = p;
	if (!is_digit(*p)) {
		return scan_error(r, LTY_JSON_SYNTAX);  /* a lone '-': an ASCII byte no rule takes */
	}
	mag = (uint64_t) (*p++ - '0');
	if (mag != 0) {
		while ((d = (unsigned) *p - '0') <= 9) {
			mag = mag * 10 + d;  /* wraps past 19 digits: not used then */
			p++;
		}
	}
	if (*p == '.' || *p == 'e' || *p == 'E' || p - digits > 19 || mag > (negative ? r->neg_int_max : r->int_max)) {
		token t = scan_float(r, start, digits, p);
		*pp = r->p;
		return t;
	}
	*pp = p;
	r->i = !negative ? (int64_t) mag : mag == (uint64_t) INT64_MAX + 1 ? INT64_MIN : -(int64_t) mag;
	return T_INT;
}

static bool word(const unsigned char *p, const char *w)
{
	/* byte by byte: never past the first byte that differs (the NUL after the text differs) */
	for (; *w != '\0'; p++, w++) {
		if (*p != (unsigned char) *w) {
			return false;
		}
	}
	return true;
}

static token scan_literal(reader *r, const char *w, size_t len, token t)
{
	if (!word(r->p, w)) {
		return scan_error(r, LTY_JSON_SYNTAX);  /* a letter no rule takes */
	}
	r->p += len;
	return t;
}

/* A byte no token starts with: PHP's CTRL, UTF8 (syntax) and ANY (malformed UTF-8) rules. */
static token scan_other(reader *r)
{
	unsigned char c = *r->p;

	if (c == '\0' && r->p == r->end) {
		return T_EOI;
	}
	if (c < 0x20) {
		return scan_error(r, LTY_JSON_CTRL_CHAR);
	}
	if (c < 0x80 || utf8_next(r->p) != NULL) {
		return scan_error(r, LTY_JSON_SYNTAX);
	}
	return scan_error(r, LTY_JSON_UTF8);
}

static token scan(reader *r)
{
	for (;;) {
		switch (*r->p) {
			case ' ': case '\t': case '\n': case '\r':
				r->p++;
				continue;
			case '{': r->p++; return T_LBRACE;
			case '}': r->p++; return T_RBRACE;
			case '[': r->p++; return T_LBRACKET;
			case ']': r->p++; return T_RBRACKET;
			case ':': r->p++; return T_COLON;
			case ',': r->p++; return T_COMMA;
			case '"': r->p++; return scan_string(r);
			case 'n': return scan_literal(r, "null", 4, T_NULL);
			case 't': return scan_literal(r, "true", 4, T_TRUE);
			case 'f': return scan_literal(r, "false", 5, T_FALSE);
			case '-': case '0': case '1': case '2': case '3': case '4':
			case '5': case '6': case '7': case '8': case '9':
				return scan_number(r, &r->p);
			default:
				return scan_other(r);
		}
	}
}

/* ---- the tree ---- */

#define ITEM_SIZE (sizeof(lty_doc) + sizeof(char *) + sizeof(size_t))

/* Room for one more value in r->cur, the level of the innermost container (the top value's
 * level has room for it, the only one): a new chunk, to which that container's values so far
 * move; the chunk before stays with the containers that closed in it. Chunks double up to
 * LEVEL_CHUNK_MAX values, and past it only as far as the open container needs (twice its
 * values): many small containers at one depth take chunks of the same moderate size, which
 * PHP's allocator serves again from memory it has, where blocks doubling with the whole
 * document's size were mapped fresh (and faulted in page by page) on every compile. */
static bool grow_level(reader *r)
{
	level *l = r->cur;
	frame *f = r->inner;
	size_t n = l->count - f->first, cap;
	char *block;

	if (l->capacity == 0) {
		cap = LEVEL_CHUNK;
	} else if (l->capacity < LEVEL_CHUNK_MAX) {
		cap = l->capacity * 2;
	} else {
		cap = 2 * n > LEVEL_CHUNK_MAX ? 2 * n : LEVEL_CHUNK_MAX;  /* n <= capacity < SIZE_MAX / ITEM_SIZE */
	}
	if (cap > SIZE_MAX / ITEM_SIZE || (block = lty_arena_take(r->arena, cap * ITEM_SIZE)) == NULL) {
		r->nomem = true;
		return false;
	}
	if (n > 0) {
		memcpy(block, l->values + f->first, n * sizeof(lty_doc));
		memcpy(block + cap * sizeof(lty_doc), l->keys + f->first, n * sizeof(char *));
		memcpy(block + cap * (sizeof(lty_doc) + sizeof(char *)), l->key_lens + f->first, n * sizeof(size_t));
	}
	l->values = (lty_doc *) (void *) block;
	l->keys = (const char **) (void *) (block + cap * sizeof(lty_doc));
	l->key_lens = (size_t *) (void *) (block + cap * (sizeof(lty_doc) + sizeof(char *)));
	l->count = n;
	l->capacity = cap;
	f->first = 0;
	return true;
}

HOT bool room(reader *r)
{
	return r->cur->count < r->cur->capacity || grow_level(r);
}

/* A stack that starts in the reader (`local`) twice as large, from the allocator: its `used`
 * items copied, the allocator's old block freed; NULL with r->nomem set. */
static void *grow_stack(reader *r, void *items, const void *local, size_t used, size_t *capacity, size_t size)
{
	const lty_allocator *a = r->arena->allocator;
	size_t cap = *capacity * 2;
	void *grown;

	if (cap < *capacity || cap > SIZE_MAX / size || (grown = a->alloc(a->ctx, cap * size)) == NULL) {
		r->nomem = true;
		return NULL;
	}
	memcpy(grown, items, used * size);
	if (items != local) {
		a->free(a->ctx, items);
	}
	*capacity = cap;
	return grown;
}

/* r->cur set to level k, made empty (the first time it is used). */
static bool make_level(reader *r, size_t k)
{
	if (k >= r->level_capacity) {
		level *grown = grow_stack(r, r->levels, r->local_levels, r->levels_made, &r->level_capacity, sizeof(level));
		if (grown == NULL) {
			return false;
		}
		r->levels = grown;
	}
	if (k >= r->levels_made) {
		memset(&r->levels[k], 0, sizeof(level));
		r->levels_made = k + 1;
	}
	r->cur = &r->levels[k];
	return true;
}

HOT bool use_level(reader *r, size_t k)
{
	if (k < r->levels_made) {
		r->cur = &r->levels[k];
		return true;
	}
	return make_level(r, k);
}

/* Room for one more frame (the allocator's once past the local ones), r->depth being
 * r->frame_capacity. */
static bool grow_frames(reader *r)
{
	frame *grown = grow_stack(r, r->frames, r->local_frames, r->depth, &r->frame_capacity, sizeof(frame));

	if (grown == NULL) {
		return false;
	}
	r->frames = grown;
	r->inner = &grown[r->depth - 1];  /* depth is the old capacity, never 0 */
	return true;
}

/* After a container opens or closes: whether values read now are kept. */
static void update_keep(reader *r)
{
	r->keep = !r->too_many && (r->depth == 0 || r->frames[r->depth - 1].keep);
}

static bool same_key(const level *l, size_t a, size_t b)
{
	return l->key_lens[a] == l->key_lens[b] && memcmp(l->keys[a], l->keys[b], l->key_lens[a]) == 0;
}

/* A key of a large object, for sorting them. */
typedef struct {
	const char *key;
	size_t len, at;
} sort_key;

static int compare_keys(const void *a, const void *b)
{
	const sort_key *x = a, *y = b;
	int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);

	if (c != 0) {
		return c;
	}
	if (x->len != y->len) {
		return x->len < y->len ? -1 : 1;
	}
	return x->at < y->at ? -1 : x->at > y->at;  /* equal keys in the order they came */
}

/* Many keys (n from `first` in level l): sorted (O(n log n) whatever the keys), each repeated
 * key's first value takes the value of its last; the others are marked with key NULL. */
static bool mark_repeats(reader *r, level *l, size_t first, size_t n)
{
	const lty_allocator *a = r->arena->allocator;
	sort_key *order = n <= SIZE_MAX / sizeof(sort_key) ? a->alloc(a->ctx, n * sizeof(sort_key)) : NULL;
	size_t i, j;

	if (order == NULL) {
		r->nomem = true;
		return false;
	}
	for (i = 0; i < n; i++) {
		order[i].key = l->keys[first + i];
		order[i].len = l->key_lens[first + i];
		order[i].at = first + i;
	}
	qsort(order, n, sizeof(sort_key), compare_keys);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && order[j].len == order[i].len && memcmp(order[j].key, order[i].key, order[i].len) == 0; j++) {
			l->keys[order[j].at] = NULL;
		}
		if (j - i > 1) {
			l->values[order[i].at] = l->values[order[j - 1].at];
		}
	}
	a->free(a->ctx, order);
	return true;
}

/* Value `from` of level l moved to `to` with its key. */
static void move_item(level *l, size_t to, size_t from)
{
	l->values[to] = l->values[from];
	l->keys[to] = l->keys[from];
	l->key_lens[to] = l->key_lens[from];
}

/* An object's values (n from `first` in level l) with each key once, as zend_symtable_update()
 * leaves them: a repeated key keeps its first position and takes its last value. The new
 * count, or SIZE_MAX. */
static size_t merge_repeats(reader *r, level *l, size_t first, size_t n)
{
	size_t i, j, kept = 0;

	if (n <= PAIRWISE_KEYS) {
		for (i = 0; i < n; i++) {
			for (j = 0; j < kept && !same_key(l, first + j, first + i); j++) {
			}
			if (j < kept) {
				l->values[first + j] = l->values[first + i];
			} else if (kept++ != i) {
				move_item(l, first + kept - 1, first + i);
			}
		}
		return kept;
	}
	if (!mark_repeats(r, l, first, n)) {
		return SIZE_MAX;
	}
	for (i = 0; i < n; i++) {
		if (l->keys[first + i] != NULL) {
			move_item(l, first + kept++, first + i);
		}
	}
	return kept;
}

/* Keys "0", "1", ... "n-1" in this order: PHP's array is then a list (zend_array_is_list()). */
static bool keys_are_indexes(const level *l, size_t first, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char digits[24];
		size_t k = sizeof(digits), v = i;
		do {
			digits[--k] = (char) ('0' + v % 10);
			v /= 10;
		} while (v > 0);
		if (l->key_lens[first + i] != sizeof(digits) - k || memcmp(l->keys[first + i], digits + k, sizeof(digits) - k) != 0) {
			return false;
		}
	}
	return true;
}

/* The container of frame f, its values those of level l from f->first, into d: its arrays
 * are where the values are, nothing is copied. */
HOT bool assemble(reader *r, const frame *f, level *l, lty_doc *d)
{
	size_t first = f->first, n = l->count - first;
	bool list = true;

	if (f->object) {
		if (f->repeats && (n = merge_repeats(r, l, first, n)) == SIZE_MAX) {
			return false;
		}
		/* most objects fail at their first key */
		list = n == 0 || (l->key_lens[first] == 1 && l->keys[first][0] == '0' && keys_are_indexes(l, first, n));
	}
	l->count = first + n;  /* the place of merged values taken back */
	r->nodes += n;
	if (r->nodes > r->opt->max_nodes) {
		r->too_many = true;  /* refused once the text is checked; nothing more is kept */
		r->keep = false;
		return true;
	}
	d->kind = list ? LTY_DOC_LIST : LTY_DOC_MAP;
	d->u.c.count = n;
	d->u.c.items = n > 0 ? l->values + first : NULL;
	d->u.c.keys = n > 0 && !list ? l->keys + first : NULL;
	d->u.c.key_lens = n > 0 && !list ? l->key_lens + first : NULL;
	return true;
}

/* '[' or '{': PHP's depth counts from 1, and refuses to reach max_depth. A kept container
 * takes its slot in its parent's level now (its key, if any, is already there); its values go
 * to the level below. */
HOT bool open_inline(reader *r, bool object)
{
	frame *f;
	bool keep = r->keep;

	if (r->depth >= r->max_depth) {
		r->error = LTY_JSON_DEPTH;
		return false;
	}
	if ((r->depth == r->frame_capacity && !grow_frames(r)) || (keep && !room(r))) {
		return false;
	}
	f = &r->frames[r->depth];
	f->object = object;
	f->keep = keep && r->depth < r->doc_depth;
	f->repeats = false;
	f->seen = 0;
	if (keep) {
		f->slot = r->cur->count++;
	}
	if (f->keep) {
		if (!use_level(r, r->depth + 1)) {
			return false;
		}
		f->first = r->cur->count;
	}
	r->depth++;
	r->keep = f->keep;
	r->in_object = object;
	r->inner = f;
	return true;
}

/* ']' or '}' of the innermost container: its value goes to its slot in its parent's level. */
HOT bool close_inline(reader *r)
{
	const frame *f = &r->frames[--r->depth];
	level *l = r->cur;
	lty_doc *d;

	r->inner = r->depth > 0 ? r->inner - 1 : NULL;
	r->in_object = r->depth > 0 && r->inner->object;
	update_keep(r);
	if (!r->keep) {
		return true;
	}
	r->cur = &r->levels[r->depth];
	d = &r->cur->values[f->slot];
	if (!f->keep) {
		/* as deep as the conversion of a PHP array goes: named, not kept */
		d->kind = LTY_DOC_OTHER;
		d->u.str.ptr = nested_too_deep;
		d->u.str.len = sizeof(nested_too_deep) - 1;
		return true;
	}
	return assemble(r, f, l, d);
}

/* The same, for step(): not inline there. */
static bool open_container(reader *r, bool object)
{
	return open_inline(r, object);
}

static bool close_container(reader *r)
{
	return close_inline(r);
}

/* A scalar token as a value of the current container (or the top); a string's is str. */
HOT bool scalar(reader *r, token t, const span *str)
{
	lty_doc *d;

	if (!r->keep) {
		return true;
	}
	if (!room(r)) {
		return false;
	}
	d = &r->cur->values[r->cur->count];
	switch (t) {
		case T_NULL: d->kind = LTY_DOC_NULL; break;
		case T_TRUE: d->kind = LTY_DOC_BOOL; d->u.b = true; break;
		case T_FALSE: d->kind = LTY_DOC_BOOL; d->u.b = false; break;
		case T_INT: d->kind = LTY_DOC_INT; d->u.i = r->i; break;
		case T_DOUBLE: d->kind = LTY_DOC_DOUBLE; d->u.d = r->d; break;
		default:
			d->kind = LTY_DOC_STRING;
			if ((d->u.str.ptr = string_copy(r, str)) == NULL) {
				return false;
			}
			d->u.str.len = str->len;
			break;
	}
	r->cur->count++;
	return true;
}

/* Whether the object of frame f (its keys in level l) already has this key (len bytes at k). */
static bool has_key(const level *l, const frame *f, const char *k, size_t len)
{
	size_t i;

	for (i = f->first; i < l->count; i++) {
		if (l->key_lens[i] == len && memcmp(l->keys[i], k, len) == 0) {
			return true;
		}
	}
	return false;
}

/* The key of an object's next value, in the slot of that value. A key is looked for among
 * the object's others only when a key of the same hash came before, and not at all past
 * PAIRWISE_KEYS: such an object is merged on close (sorted, then O(n log n)). */
HOT bool key(reader *r, const span *str)
{
	frame *f = r->inner;
	level *l = r->cur;
	const char *k;
	size_t len = str->len;

	if (!r->keep) {
		return true;
	}
	if (!room(r) || (k = string_copy(r, str)) == NULL) {
		return false;
	}
	l->keys[l->count] = k;
	l->key_lens[l->count] = len;
	if (!f->repeats) {
		/* k[0] is the NUL when len is 0 */
		uint64_t bit = (uint64_t) 1 << ((len * 37 + (unsigned char) k[0] * 7 + (unsigned char) k[len - (len > 0)]) & 63);
		if ((f->seen & bit) != 0 && (l->count - f->first >= PAIRWISE_KEYS || has_key(l, f, k, len))) {
			f->repeats = true;
		}
		f->seen |= bit;
	}
	return true;
}

/* One token in state *s: the next state, or false with r->error (or r->nomem) set. */
static bool step(reader *r, token t, state *s)
{
	if (t == T_ERROR) {
		return false;
	}
	switch (*s) {
		case S_VALUE_OR_CLOSE:
		case S_KEY_OR_CLOSE:
			if (t == (*s == S_KEY_OR_CLOSE ? T_RBRACE : T_RBRACKET)) {
				if (!close_container(r)) {
					return false;
				}
				*s = r->depth == 0 ? S_END : S_NEXT;
				return true;
			}
			if (t == T_RBRACE || t == T_RBRACKET) {
				r->error = LTY_JSON_STATE_MISMATCH;
				return false;
			}
			if (*s == S_KEY_OR_CLOSE) {
				goto key;
			}
			/* fall through */
		case S_VALUE:
			if (t == T_LBRACE || t == T_LBRACKET) {
				if (!open_container(r, t == T_LBRACE)) {
					return false;
				}
				*s = t == T_LBRACE ? S_KEY_OR_CLOSE : S_VALUE_OR_CLOSE;
				return true;
			}
			if (t < T_NULL) {
				break;
			}
			if (!scalar(r, t, &r->str)) {
				return false;
			}
			*s = r->depth == 0 ? S_END : S_NEXT;
			return true;
		case S_KEY:
		key:
			if (t != T_STRING) {
				break;
			}
			if (!key(r, &r->str)) {
				return false;
			}
			*s = S_COLON;
			return true;
		case S_COLON:
			if (t != T_COLON) {
				break;
			}
			*s = S_VALUE;
			return true;
		case S_NEXT:
			if (t == T_COMMA) {
				*s = r->frames[r->depth - 1].object ? S_KEY : S_VALUE;
				return true;
			}
			if (t == T_RBRACE || t == T_RBRACKET) {
				if ((t == T_RBRACE) != r->frames[r->depth - 1].object) {
					r->error = LTY_JSON_STATE_MISMATCH;
					return false;
				}
				if (!close_container(r)) {
					return false;
				}
				*s = r->depth == 0 ? S_END : S_NEXT;
				return true;
			}
			break;
		case S_END:
			if (t == T_EOI) {
				return true;
			}
			break;
	}
	r->error = LTY_JSON_SYNTAX;
	return false;
}

HOT const unsigned char *skip_space(const unsigned char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') {
		p++;
	}
	return p;
}

/* A string token at p (a '"'), as scan() reads it (most have only plain bytes), or one with
 * start NULL on an error. Returned, not written through a pointer: the compiler then keeps it
 * in registers. */
HOT span string_token(reader *r, const unsigned char **p)
{
	const unsigned char *start = *p + 1, *q = skip_plain(start, r->last8);
	span str;

	if (*q == '"') {
		str.start = start;
		str.end = q;
		str.len = (size_t) (q - start);
		str.escaped = false;
		*p = q + 1;
		return str;
	}
	if (scan_string_rest(r, start, q) == T_ERROR) {
		str.start = NULL;
		return str;
	}
	*p = r->p;
	return r->str;
}

/* The tokens step() accepts in each state, read and taken here with the state as the place
 * in the code (scan() and step() cost more a token than its bytes do). Any other byte (an
 * error, or a form this loop leaves to them) goes to scan() and step() in the state it met,
 * from the first byte of its token, and they decide as they always do; the loop then goes on
 * in the state step() left. A token is read only when the parser needs one, as there. True at
 * the end of input, false on an error (r->error) or out of memory (r->nomem). */
static bool parse(reader *r)
{
	const unsigned char *p = r->p;
	state s = S_VALUE;
	span str;
	token t;

value:  /* s is S_VALUE or S_VALUE_OR_CLOSE: both take a value alike */
	p = skip_space(p);
	/* tested in the order of their frequency in settings */
	if (*p == '"') {
		str = string_token(r, &p);
		if (str.start == NULL || !scalar(r, T_STRING, &str)) {
			return false;
		}
		goto after_value;
	}
	if ((unsigned) (*p - '0') <= 9 || *p == '-') {
		t = scan_number(r, &p);
		if (t == T_INT ? !scalar(r, T_INT, NULL) : t == T_ERROR || !scalar(r, T_DOUBLE, NULL)) {
			return false;
		}
		goto after_value;
	}
	if (*p == '{' || *p == '[') {
		bool object = *p++ == '{';
		if (!open_inline(r, object)) {
			return false;
		}
		if (object) {
			goto key_or_close;
		}
		goto value_or_close;
	}
	/* the NUL after the text stops memcmp() as it stops word() */
	if (*p == 't' && r->end - p >= 4 && memcmp(p, "true", 4) == 0) {
		p += 4;
		t = T_TRUE;
		goto literal;
	}
	if (*p == 'f' && r->end - p >= 5 && memcmp(p, "false", 5) == 0) {
		p += 5;
		t = T_FALSE;
		goto literal;
	}
	if (*p == 'n' && r->end - p >= 4 && memcmp(p, "null", 4) == 0) {
		p += 4;
		t = T_NULL;
		goto literal;
	}
	goto slow;
literal:
	if (!scalar(r, t, NULL)) {
		return false;
	}
after_value:  /* S_NEXT in a container, S_END at the top */
	p = skip_space(p);
	if (r->depth == 0) {
		s = S_END;
		if (*p == '\0' && p == r->end) {
			return true;
		}
		goto slow;
	}
	s = S_NEXT;
	if (*p == ',') {
		p++;
		if (r->in_object) {
			s = S_KEY;
			goto key;
		}
		s = S_VALUE;
		goto value;
	}
	if (*p != (r->in_object ? '}' : ']')) {
		goto slow;
	}
close:  /* at the '}' or ']' of the innermost container */
	p++;
	if (!close_inline(r)) {
		return false;
	}
	goto after_value;
value_or_close:
	s = S_VALUE_OR_CLOSE;
	p = skip_space(p);
	if (*p == ']') {
		goto close;
	}
	goto value;
key_or_close:
	s = S_KEY_OR_CLOSE;
	p = skip_space(p);
	if (*p == '}') {
		goto close;
	}
key:  /* s is S_KEY or S_KEY_OR_CLOSE */
	p = skip_space(p);
	if (*p != '"') {
		goto slow;
	}
	str = string_token(r, &p);
	if (str.start == NULL || !key(r, &str)) {
		return false;
	}
	s = S_COLON;
colon:
	p = skip_space(p);
	if (*p != ':') {
		goto slow;
	}
	p++;
	s = S_VALUE;
	goto value;
slow:
	r->p = p;
	t = scan(r);
	if (!step(r, t, &s)) {
		return false;
	}
	if (t == T_EOI) {
		return true;
	}
	p = r->p;
	switch (s) {
		case S_VALUE: goto value;
		case S_VALUE_OR_CLOSE: goto value_or_close;
		case S_KEY_OR_CLOSE: goto key_or_close;
		case S_KEY: goto key;
		case S_COLON: goto colon;
		default: goto after_value;  /* S_NEXT, S_END: which one the depth tells */
	}
}

static void release(reader *r)
{
	const lty_allocator *a = r->arena->allocator;

	if (r->levels != r->local_levels) {
		a->free(a->ctx, r->levels);
	}
	if (r->frames != r->local_frames) {
		a->free(a->ctx, r->frames);
	}
}

lty_status lty_json_read(lty_arena *arena, const char *text, size_t len, const lty_json_options *opt,
	lty_doc **out, lty_json_error *json_error, lty_error *err)
{
	reader rd, *r = &rd;
	lty_status st = LTY_OK;
	bool ok;

	*out = NULL;
	if (json_error != NULL) {
		*json_error = LTY_JSON_OK;
	}
	/* the header only: the local stacks are written before they are read */
	memset(r, 0, offsetof(reader, local_levels));
	r->p = (const unsigned char *) text;
	r->end = r->p + len;
	r->last8 = len >= 8 ? r->end - 8 : r->p;
	r->int_max = (uint64_t) opt->int_max;
	r->neg_int_max = (uint64_t) -(opt->int_min + 1) + 1;
	r->max_depth = opt->max_depth > 0 ? (size_t) opt->max_depth - 1 : SIZE_MAX;
	r->doc_depth = (size_t) opt->doc_depth;
	r->arena = arena;
	r->opt = opt;
	r->levels = r->local_levels;
	r->level_capacity = LOCAL_LEVELS;
	r->levels_made = 1;
	r->cur = &r->levels[0];
	r->cur->values = &r->top;
	r->cur->keys = NULL;         /* no key at the top */
	r->cur->key_lens = NULL;
	r->cur->count = 0;
	r->cur->capacity = 1;
	r->pool = r->pool_end = r->no_pool;
	r->frames = r->local_frames;
	r->frame_capacity = LOCAL_FRAMES;
	r->keep = true;
	ok = parse(r);
	if (r->nomem) {
		st = lty_error_set(err, LTY_ERR_NOMEM, "settings: out of memory");
	} else if (!ok) {
		if (json_error != NULL) {
			*json_error = r->error;
		}
		st = lty_error_set(err, LTY_ERR_CONFIG, "settings: invalid JSON: %s", lty_json_error_message(r->error));
	} else if (r->too_many) {
		st = lty_error_set(err, LTY_ERR_CONFIG, "settings: more than %zu values", opt->max_nodes);
	} else {
		*out = lty_arena_alloc(arena, sizeof(lty_doc));
		if (*out == NULL) {
			st = lty_error_set(err, LTY_ERR_NOMEM, "settings: out of memory");
		} else {
			**out = r->top;
		}
	}
	release(r);
	return st;
}
