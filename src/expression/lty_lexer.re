/* re2c source of the expression scanner: regenerate lty_lexer.c with
 *   re2c -W -i --no-generation-date -o src/expression/lty_lexer.c src/expression/lty_lexer.re
 * (the build does it when re2c is present and this file is newer). */
#include "lty_lexer.h"

void lty_scanner_init(lty_scanner *s, const char *src, size_t len)
{
	s->start = src;
	s->limit = src + len;
	s->cursor = src;
	s->marker = src;
	s->token = src;
}

lty_token lty_scan(lty_scanner *s)
{
std:
	s->token = s->cursor;
	/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = s->cursor;
	re2c:define:YYMARKER = s->marker;
	re2c:yyfill:enable = 0;

	digit = [0-9];
	ident = [A-Za-z_][A-Za-z0-9_]*;
	squoted = "'" ([^'\\\x00] | "\\" [^\x00])* "'";
	dquoted = "\"" ([^"\\\x00] | "\\" [^\x00])* "\"";

	"\x00"           {
		if (s->token == s->limit) {
			s->cursor = s->token; /* stay on the end for any further call */
			return LTY_TOK_END;
		}
		return LTY_TOK_NUL;
	}
	[ \t\r\n]+       { goto std; }
	"and"            { return LTY_TOK_AND; }
	"or"             { return LTY_TOK_OR; }
	"not"            { return LTY_TOK_NOT; }
	"in"             { return LTY_TOK_IN; }
	"like"           { return LTY_TOK_LIKE; }
	"true"           { return LTY_TOK_TRUE; }
	"false"          { return LTY_TOK_FALSE; }
	"attr." ident    { return LTY_TOK_ATTR; }
	ident            { return LTY_TOK_IDENT; }
	digit+           { return LTY_TOK_INT; }
	digit+ "." digit+ { return LTY_TOK_DECIMAL; }
	squoted | dquoted { return LTY_TOK_STRING; }
	['"]             { return LTY_TOK_UNTERMINATED; }
	"=="             { return LTY_TOK_EQ; }
	"!="             { return LTY_TOK_NE; }
	"<="             { return LTY_TOK_LE; }
	">="             { return LTY_TOK_GE; }
	"<"              { return LTY_TOK_LT; }
	">"              { return LTY_TOK_GT; }
	"+"              { return LTY_TOK_PLUS; }
	"-"              { return LTY_TOK_MINUS; }
	"*"              { return LTY_TOK_STAR; }
	"/"              { return LTY_TOK_SLASH; }
	"("              { return LTY_TOK_LPAREN; }
	")"              { return LTY_TOK_RPAREN; }
	"["              { return LTY_TOK_LBRACKET; }
	"]"              { return LTY_TOK_RBRACKET; }
	","              { return LTY_TOK_COMMA; }
	*                { return LTY_TOK_INVALID; }
	*/
}
