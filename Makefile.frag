# Developer builds only (--enable-loyalty-dev with re2c on PATH):
# regenerate the committed scanner when its source changes.
$(srcdir)/src/lty_lexer.c: $(srcdir)/src/lty_lexer.re
	$(LOYALTY_RE2C) -W -i --no-generation-date -o $@ $<
