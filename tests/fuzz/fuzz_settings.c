/* libFuzzer harness: the settings loader fed a JSON-ish document (see
 * fuzz_common.h for the reader). A refused document must carry a message and
 * free everything; an accepted one must export (toArray), list its warnings,
 * and load again from its export into the same export (round trip). */
#include "fuzz_common.h"

#include "../../src/lty_warnings.h"

static void check_error(const lty_error *err)
{
	size_t len = strnlen(err->message, sizeof(err->message));

	FUZZ_ASSERT(err->status == LTY_ERR_CONFIG || err->status == LTY_ERR_EXPRESSION, "status %d: %s", err->status,
		err->message);
	FUZZ_ASSERT(len > 0 && len < sizeof(err->message), "empty or unterminated message");
	FUZZ_ASSERT(err->status != LTY_ERR_EXPRESSION || err->column >= 1, "expression error without a column: %s",
		err->message);
}

static size_t check_warnings(const lty_program *p)
{
	lty_arena arena;
	lty_warning *w;
	size_t count = 0, i;

	lty_arena_init(&arena, &fuzz_counting);
	w = lty_program_warnings(p, &arena, &count);
	FUZZ_ASSERT(w != NULL || count == 0, "warnings out of memory");
	for (i = 0; i < count; i++) {
		FUZZ_ASSERT(strnlen(w[i].path, sizeof(w[i].path)) < sizeof(w[i].path), "unterminated warning path");
		FUZZ_ASSERT(strnlen(w[i].message, sizeof(w[i].message)) > 0, "empty warning message at %s", w[i].path);
		FUZZ_ASSERT(strnlen(w[i].message, sizeof(w[i].message)) < sizeof(w[i].message), "unterminated warning");
	}
	lty_arena_free(&arena);
	return count;
}

static void round_trip(const lty_program *p, size_t warnings)
{
	lty_arena a1, a2;
	lty_doc *first, *second;
	lty_program *again = NULL;
	lty_error err;
	size_t i;

	lty_arena_init(&a1, &fuzz_counting);
	lty_arena_init(&a2, &fuzz_counting);
	first = lty_program_to_doc(p, &a1);
	FUZZ_ASSERT(first != NULL, "export failed");
	FUZZ_ASSERT(lty_program_load(&fuzz_counting, first, &again, &err) == LTY_OK,
		"the export of a loaded program is refused: %s", err.message);
	second = lty_program_to_doc(again, &a2);
	FUZZ_ASSERT(second != NULL, "second export failed");
	FUZZ_ASSERT(fuzz_doc_equal(first, second), "load(export(x)) exports something else");
	FUZZ_ASSERT(again->segment_count == p->segment_count && again->advantage_count == p->advantage_count
		&& again->attr_count == p->attr_count && again->fields == p->fields, "reloaded program differs");
	for (i = 0; i < p->segment_count; i++) {
		FUZZ_ASSERT(again->segments[i].name.len == p->segments[i].name.len
			&& memcmp(again->segments[i].name.ptr, p->segments[i].name.ptr, p->segments[i].name.len) == 0,
			"segment %zu renamed", i);
	}
	FUZZ_ASSERT(check_warnings(again) == warnings, "warnings differ after a round trip");
	lty_program_free(again);
	lty_arena_free(&a1);
	lty_arena_free(&a2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lty_arena doc_arena;
	lty_doc *doc;
	lty_program *p = NULL;
	lty_error err;

	lty_arena_init(&doc_arena, &lty_malloc_allocator);
	doc = fuzz_parse_doc(&doc_arena, (const char *) data, size);
	if (doc == NULL && fuzz_verbose()) {
		fprintf(stderr, "not a document\n");
	}
	if (doc != NULL) {
		memset(&err, 0, sizeof(err));
		if (lty_program_load(&fuzz_counting, doc, &p, &err) == LTY_OK) {
			FUZZ_ASSERT(p != NULL, "LTY_OK without a program");
			if (fuzz_verbose()) {
				fprintf(stderr, "loaded: %zu segments, %zu advantages, loyalty %s\n", p->segment_count,
					p->advantage_count, p->has_loyalty ? "yes" : "no");
			}
			round_trip(p, check_warnings(p));
			lty_program_free(p);
		} else {
			FUZZ_ASSERT(p == NULL, "a program despite an error");
			if (fuzz_verbose()) {
				fprintf(stderr, "refused: %s\n", err.message);
			}
			check_error(&err);
		}
		FUZZ_ASSERT(fuzz_live_blocks == 0, "%ld blocks leaked", fuzz_live_blocks);
	}
	lty_arena_free(&doc_arena);
	return 0;
}
