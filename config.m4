dnl config.m4 for extension loyalty
dnl The source list is also in sources.list and config.w32; tests/build/sources.phpt keeps them equal.

PHP_ARG_ENABLE([loyalty],
  [whether to enable loyalty support],
  [AS_HELP_STRING([--enable-loyalty], [Enable loyalty support])],
  [no])

PHP_ARG_ENABLE([loyalty-dev],
  [whether to build loyalty in developer mode],
  [AS_HELP_STRING([--enable-loyalty-dev], [Strict warnings, -Werror, and regenerate the lexer with re2c])],
  [no],
  [no])

if test "$PHP_LOYALTY" != "no"; then
  LOYALTY_CFLAGS="-std=gnu11 -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1"

  if test "$PHP_LOYALTY_DEV" != "no"; then
    LOYALTY_CFLAGS="$LOYALTY_CFLAGS -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wstrict-prototypes -Wformat=2"
    dnl The generated scanner is committed; a developer build regenerates it
    dnl when re2c is there (never required: shop servers have no re2c).
    AC_PATH_PROG([LOYALTY_RE2C], [re2c], [no])
    if test "$LOYALTY_RE2C" != "no"; then
      PHP_ADD_MAKEFILE_FRAGMENT([$ext_srcdir/Makefile.frag])
      PHP_SUBST([LOYALTY_RE2C])
    fi
  fi

  PHP_NEW_EXTENSION(loyalty,
    ext/loyalty.c ext/loyalty_program.c ext/loyalty_engine.c ext/convert.c ext/customer.c dnl
    ext/cart.c ext/loyalty_result.c ext/loyalty_ledger.c dnl
    src/lty_error.c src/lty_arena.c src/lty_doc.c src/lty_lexer.c src/lty_expr_parse.c dnl
    src/lty_expr_eval.c src/lty_segment.c src/lty_settings.c src/lty_program.c src/lty_advantage_load.c dnl
    src/lty_loyalty_load.c src/lty_program_export.c src/lty_money.c src/lty_checkout.c src/lty_points.c src/lty_warnings.c src/lty_ledger.c,
    $ext_shared,, $LOYALTY_CFLAGS)
  PHP_ADD_BUILD_DIR([$ext_builddir/ext])
  PHP_ADD_BUILD_DIR([$ext_builddir/src])
  PHP_ADD_EXTENSION_DEP(loyalty, json)
  PHP_ADD_EXTENSION_DEP(loyalty, spl)
  PHP_ADD_EXTENSION_DEP(loyalty, date)
fi
