/* Loading a program: the root keys, segments (names, compilation, cycle
 * detection), then the advantages and loyalty sections. */
#include "../base/lty_limits.h"
#include "lty_settings.h"

#include <stdio.h>
#include <string.h>

static const char *const builtin_names[LTY_SEG_BUILTIN_COUNT] = {
	"all", "disabled", "no_orders", "first_order_recent", "loyal", "customers"
};

static bool valid_segment_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > 64 || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) {
		return false;
	}
	for (i = 1; i < len; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
			return false;
		}
	}
	return true;
}

/* Names first, so that segment('x') may refer to a segment written later. */
static lty_status declare_segments(lty_loader *l, const lty_doc *map)
{
	size_t custom = map->kind == LTY_DOC_MAP ? map->u.c.count : 0, i, size;
	uint32_t *slots;
	lty_segment *segs = lty_arena_array(l->arena, LTY_SEG_BUILTIN_COUNT + custom, sizeof(lty_segment));

	if (custom > LTY_MAX_SEGMENTS) {
		return lty_fail(l, "too many segments (%zu, at most %d)", custom, LTY_MAX_SEGMENTS);
	}
	if (segs == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < LTY_SEG_BUILTIN_COUNT; i++) {
		segs[i].name.ptr = builtin_names[i];
		segs[i].name.len = strlen(builtin_names[i]);
	}
	/* the name table, at most half full: every segment() reference and advantage looks up one */
	for (size = 16; size < 2 * (LTY_SEG_BUILTIN_COUNT + custom); size *= 2) {
	}
	if ((slots = lty_arena_array(l->arena, size, sizeof(uint32_t))) == NULL) {
		return lty_fail_nomem(l);
	}
	l->program->segments = segs;
	l->program->segment_slots = slots;
	l->program->segment_mask = size - 1;
	l->program->segment_count = LTY_SEG_BUILTIN_COUNT;
	for (i = 0; i < LTY_SEG_BUILTIN_COUNT; i++) {
		lty_program_segment_record(l->program, slots, i);
	}
	for (i = 0; i < custom; i++) {
		const char *name = map->u.c.keys[i];
		size_t len = map->u.c.key_lens[i];
		char shown[96];
		if (!valid_segment_name(name, len)) {
			lty_printable(shown, sizeof(shown), name, len);
			return lty_fail(l, "invalid segment name '%s' (letters, digits, '_' and '-', at most 64, not starting with a digit or '-')",
				shown);
		}
		if (lty_program_segment_index(l->program, name, len) >= 0) {
			lty_printable(shown, sizeof(shown), name, len);
			return lty_fail(l, "'%s' is a built-in segment name", shown);
		}
		segs[LTY_SEG_BUILTIN_COUNT + i].name.ptr = lty_arena_strndup(l->arena, name, len);
		segs[LTY_SEG_BUILTIN_COUNT + i].name.len = len;
		if (segs[LTY_SEG_BUILTIN_COUNT + i].name.ptr == NULL) {
			return lty_fail_nomem(l);
		}
		l->program->segment_count++;
		lty_program_segment_record(l->program, slots, LTY_SEG_BUILTIN_COUNT + i);
	}
	return LTY_OK;
}

/* The custom segments' steps one after another: evaluate tests every segment, and over
 * thousands of them reads their steps in order instead of spread among their nodes. */
static lty_status pack_steps(lty_loader *l)
{
	lty_segment *segs = (lty_segment *) l->program->segments;
	size_t i, n = l->program->segment_count - LTY_SEG_BUILTIN_COUNT;
	const lty_expr **exprs = lty_arena_array_raw(l->arena, n ? n : 1, sizeof(lty_expr *));
	const lty_step **steps = lty_arena_array_raw(l->arena, n ? n : 1, sizeof(lty_step *));

	if (exprs == NULL || steps == NULL) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < n; i++) {
		exprs[i] = segs[LTY_SEG_BUILTIN_COUNT + i].expr;
	}
	if (!lty_expr_pack_steps(l->arena, exprs, n, steps)) {
		return lty_fail_nomem(l);
	}
	for (i = 0; i < n; i++) {
		segs[LTY_SEG_BUILTIN_COUNT + i].steps = steps[i];
	}
	return LTY_OK;
}

static lty_status compile_segments(lty_loader *l, const lty_doc *map)
{
	lty_segment *segs = (lty_segment *) l->program->segments;
	size_t i;

	for (i = LTY_SEG_BUILTIN_COUNT; i < l->program->segment_count; i++) {
		const lty_doc *src = &map->u.c.items[i - LTY_SEG_BUILTIN_COUNT];
		size_t old = lty_path_key(l, segs[i].name.ptr);
		lty_str text;
		if (src->kind != LTY_DOC_STRING) {
			return lty_fail(l, "expected string (expression), got %s", lty_doc_type_name(src));
		}
		text.ptr = src->u.str.ptr;
		text.len = src->u.str.len;
		if (lty_compile_expr(l, &text, &segs[i].expr) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, old);
	}
	return pack_steps(l);
}

/* An error at reference `ref` of segment `seg`, with its source and caret. */
static lty_status segment_ref_error(lty_loader *l, size_t seg, const lty_expr_ref *ref, const char *msg)
{
	const lty_segment *segs = l->program->segments;
	size_t src_len;
	const char *src;

	lty_path_pop(l, 0);
	lty_path_key(l, "segments");
	lty_path_key(l, segs[seg].name.ptr);
	src = lty_expr_source(segs[seg].expr, &src_len);
	return lty_expr_error(l->err, lty_path(l), src, src_len, ref->column, msg);
}

/* A chain of segment() references too long, reported at the reference `ref` of segment seg. */
static lty_status chain_error(lty_loader *l, size_t seg, const lty_expr_ref *ref)
{
	char chain[64];

	snprintf(chain, sizeof(chain), "segment() references nested deeper than %d levels", LTY_MAX_SEGMENT_CHAIN);
	return segment_ref_error(l, seg, ref, chain);
}

/* Depth-first search over segment('x') references; `state` is 0 new, 1 on the path, 2 done;
 * `height` the most segments on a chain from a done one; `depth` the references from the
 * root to seg. Chains are bounded: evaluation recurses along them (and into each
 * expression, 64 levels each), and so does this search. */
static lty_status visit(lty_loader *l, size_t seg, uint8_t *state, size_t *stack, size_t *height, size_t depth)
{
	const lty_segment *segs = l->program->segments;
	uint32_t *fields = (uint32_t *) l->program->segment_fields;
	const lty_expr_ref *refs;
	size_t count, i, h = 1;

	state[seg] = 1;
	stack[depth] = seg;
	refs = segs[seg].expr ? lty_expr_segment_refs(segs[seg].expr, &count) : NULL;
	for (i = 0; refs != NULL && i < count; i++) {
		size_t next = (size_t) refs[i].segment, j, start = 0;
		if (state[next] == 1) {
			/* The cycle is reported on its first segment, at the reference that closes it. */
			char msg[LTY_PATH_MAX];
			size_t len = 0;
			for (j = 0; j <= depth; j++) {
				if (stack[j] == next) {
					start = j;
				}
			}
			/* Told from the segment reported: seg -> next -> ... -> seg. */
			len += (size_t) snprintf(msg, sizeof(msg), "segment cycle: %s", segs[seg].name.ptr);
			for (j = start; j < depth && len < sizeof(msg); j++) {
				len += (size_t) snprintf(msg + len, sizeof(msg) - len, " -> %s", segs[stack[j]].name.ptr);
			}
			if (len < sizeof(msg)) {
				snprintf(msg + len, sizeof(msg) - len, " -> %s", segs[seg].name.ptr);
			}
			return segment_ref_error(l, seg, &refs[i], msg);
		}
		if (state[next] == 0) {
			if (depth + 1 > LTY_MAX_SEGMENT_CHAIN) {
				return chain_error(l, seg, &refs[i]);
			}
			if (visit(l, next, state, stack, height, depth + 1) != LTY_OK) {
				return l->err->status;
			}
		}
		if (depth + height[next] > LTY_MAX_SEGMENT_CHAIN) { /* references from the root to the end of next's chain */
			return chain_error(l, seg, &refs[i]);
		}
		h = height[next] + 1 > h ? height[next] + 1 : h;
		fields[seg] |= fields[next];
	}
	/* what membership reads: a disabled customer is in no custom segment, so active too */
	fields[seg] |= LTY_FIELD_ACTIVE | lty_expr_fields(segs[seg].expr);
	state[seg] = 2;
	height[seg] = h;
	return LTY_OK;
}

static lty_status check_cycles(lty_loader *l)
{
	size_t n = l->program->segment_count, i;
	uint8_t *state = lty_arena_array(l->arena, n, 1);
	size_t *stack = lty_arena_array(l->arena, n, sizeof(size_t));
	size_t *height = lty_arena_array(l->arena, n, sizeof(size_t));
	/* the customer fields each built-in segment reads (lty_segment.c) */
	static const uint32_t builtin_fields[LTY_SEG_BUILTIN_COUNT] = {
		0, LTY_FIELD_ACTIVE, LTY_FIELD_ACTIVE | LTY_FIELD_ORDERS, LTY_FIELDS_BUILTIN,
		LTY_FIELD_ACTIVE | LTY_FIELD_ORDERS, LTY_FIELD_ACTIVE | LTY_FIELD_ORDERS
	};
	uint32_t *fields = lty_arena_array(l->arena, n, sizeof(uint32_t));

	if (state == NULL || stack == NULL || height == NULL || fields == NULL) {
		return lty_fail_nomem(l);
	}
	l->program->segment_fields = fields;
	for (i = 0; i < LTY_SEG_BUILTIN_COUNT; i++) {
		state[i] = 2; /* built-ins reference nothing */
		height[i] = 1;
		fields[i] = builtin_fields[i];
	}
	for (i = LTY_SEG_BUILTIN_COUNT; i < n; i++) {
		if (state[i] == 0 && visit(l, i, state, stack, height, 0) != LTY_OK) {
			return l->err->status;
		}
	}
	return LTY_OK;
}

static lty_status load_segments(lty_loader *l, const lty_doc *root)
{
	const lty_doc *map = lty_loader_member(l, root, "segments");
	size_t old = lty_path_key(l, "segments");
	lty_doc empty;

	if (map == NULL) {
		empty.kind = LTY_DOC_LIST;
		empty.u.c.count = 0;
		map = &empty;
	} else if (map->kind != LTY_DOC_MAP && !(map->kind == LTY_DOC_LIST && map->u.c.count == 0)) {
		return lty_fail(l, "expected an object of name => expression, got %s", lty_doc_type_name(map));
	}
	if (declare_segments(l, map) != LTY_OK || compile_segments(l, map) != LTY_OK) {
		return l->err->status;
	}
	lty_path_pop(l, old);
	return check_cycles(l);
}

/* `timezone` (SPEC 11): an IANA name the host knows; default the host's at compile time. */
static lty_status load_timezone(lty_loader *l, const lty_doc *root)
{
	lty_program *p = l->program;
	size_t old;

	if (lty_read_string(l, root, "timezone", false, NULL, &p->timezone) != LTY_OK) {
		return l->err->status;
	}
	p->timezone_given = p->timezone.ptr != NULL;
	if (!p->timezone_given) {
		const char *name = l->host != NULL && l->host->default_timezone != NULL ? l->host->default_timezone : "UTC";
		size_t len = l->host != NULL && l->host->default_timezone != NULL ? l->host->default_timezone_len : 3;
		p->timezone.ptr = lty_arena_strndup(l->arena, name, len);
		p->timezone.len = len;
		return p->timezone.ptr == NULL ? lty_fail_nomem(l) : LTY_OK;
	}
	if (l->host != NULL ? l->host->timezone_known(l->host->ctx, p->timezone.ptr, p->timezone.len)
			: p->timezone.len == 3 && memcmp(p->timezone.ptr, "UTC", 3) == 0) {
		return LTY_OK;
	}
	old = lty_path_key(l, "timezone");
	{
		char shown[96];
		lty_printable(shown, sizeof(shown), p->timezone.ptr, p->timezone.len);
		lty_fail(l, "unknown timezone '%s' (an IANA name such as Europe/Paris)", shown);
	}
	lty_path_pop(l, old);
	return LTY_ERR_CONFIG;
}

static lty_status load_root(lty_loader *l, const lty_doc *root)
{
	static const lty_key keys[] = {
		LTY_KEY("segments"), LTY_KEY("advantages"), LTY_KEY("loyalty"), LTY_KEY("rounding"),
		LTY_KEY("timezone"), LTY_KEYS_END
	};
	static const char *const roundings[] = { "half_up", "half_even", "down", NULL };
	const lty_doc *d;
	lty_str rounding;

	if (root->kind != LTY_DOC_MAP && !(root->kind == LTY_DOC_LIST && root->u.c.count == 0)) {
		return lty_fail(l, "settings: expected an object, got %s", lty_doc_type_name(root));
	}
	if (lty_expect_map(l, root, keys) != LTY_OK
			|| lty_read_string(l, root, "rounding", false, roundings, &rounding) != LTY_OK) {
		return l->err->status;
	}
	/* The choices are checked above: tell them apart by length. */
	l->program->rounding = rounding.ptr == NULL ? LTY_ROUND_HALF_UP
		: rounding.len == strlen("half_even") ? LTY_ROUND_HALF_EVEN
		: rounding.len == strlen("down") ? LTY_ROUND_DOWN : LTY_ROUND_HALF_UP;
	if (load_timezone(l, root) != LTY_OK || load_segments(l, root) != LTY_OK) {
		return l->err->status;
	}
	d = lty_loader_member(l, root, "advantages");
	if (d != NULL) {
		size_t old = lty_path_key(l, "advantages");
		if (lty_load_advantages(l, d) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, old);
	}
	d = lty_loader_member(l, root, "loyalty");
	if (d != NULL) {
		size_t old = lty_path_key(l, "loyalty");
		if (lty_load_loyalty(l, d) != LTY_OK) {
			return l->err->status;
		}
		lty_path_pop(l, old);
	}
	return LTY_OK;
}

lty_status lty_program_load(const lty_allocator *allocator, const lty_host *host, const lty_doc *settings,
	lty_program **out, lty_error *err)
{
	lty_arena arena;
	lty_loader l;
	lty_program *p;

	*out = NULL;
	lty_arena_init(&arena, allocator);
	p = lty_arena_alloc(&arena, sizeof(lty_program));
	if (p == NULL) {
		return lty_error_set(err, LTY_ERR_NOMEM, "settings: out of memory");
	}
	memset(&l, 0, sizeof(l));
	l.program = p;
	l.host = host;
	l.arena = &arena;
	l.err = err;
	p->fields = LTY_FIELDS_BUILTIN;
	if (load_root(&l, settings) != LTY_OK) {
		lty_arena_free(&arena);
		return err->status;
	}
	p->attr_names = l.attrs.items;
	p->attr_count = l.attrs.count;
	p->line_attr_names = l.line_attrs.items;
	p->line_attr_count = l.line_attrs.count;
	p->arena = arena; /* the program now owns its arena (it lives inside it) */
	*out = p;
	return LTY_OK;
}

void lty_program_free(lty_program *program)
{
	if (program != NULL) {
		lty_arena arena = program->arena;
		lty_arena_free(&arena);
	}
}
