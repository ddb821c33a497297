/* Reason codes and the human messages of rejections (SPEC 8), written only when
 * a caller reads them. */
#include "lty_checkout.h"
#include "../base/lty_money.h"
#include "../settings/lty_settings.h"

#include <stdio.h>

const char *lty_reason_name(lty_reason reason)
{
	static const char *const names[] = {
		"not_in_segment", "below_tier", "voucher", "advantage_wins", "not_best",
		"order_number", "min_cart", "no_points", "carrier", "disabled", "zero_value", "used_up", "schedule", "no_line"
	};
	return names[reason];
}

/* "Colissimo or Chronopost" for messages. */
static void carrier_names(const lty_benefit *b, char *buf, size_t size)
{
	size_t i, used = 0;
	char shown[48];

	buf[0] = '\0';
	for (i = 0; i < b->carriers.count && used + 1 < size; i++) {
		int n;
		lty_printable(shown, sizeof(shown), b->carriers.items[i].ptr, b->carriers.items[i].len);
		n = snprintf(buf + used, size - used, "%s%s", i == 0 ? "" : i + 1 == b->carriers.count ? " or " : ", ", shown);
		used += n > 0 ? (size_t) n : 0;
	}
}

/* "starts in 2 days 3 hours", "ended 5 minutes ago", "only on fri 22:00-02:00". */
static int schedule_message(const lty_rejected *x, char *buf, size_t size)
{
	char words[64];

	switch ((lty_schedule_state) x->a) {
		case LTY_SCHEDULE_NOT_STARTED:
			lty_duration_words(x->b, words, sizeof(words));
			return snprintf(buf, size, "starts in %s", words);
		case LTY_SCHEDULE_ENDED:
			if (x->b < 1) {
				return snprintf(buf, size, "ended");
			}
			lty_duration_words(x->b, words, sizeof(words));
			return snprintf(buf, size, "ended %s ago", words);
		default:
			lty_schedule_window(x->advantage->schedule, words, sizeof(words));
			return snprintf(buf, size, "only %s", words);
	}
}

size_t lty_rejected_message(const lty_rejected *x, char *buf, size_t size)
{
	const lty_advantage *a = x->advantage;
	char one[32], two[32], names[128], shown[112];
	int head, n = 0;

	head = snprintf(buf, size, "%s: ", lty_reason_name(x->reason));
	if (head < 0 || (size_t) head >= size) {
		return head < 0 ? 0 : size - 1;
	}
	buf += head;
	size -= (size_t) head;
	switch (x->message) {
		case LTY_MSG_NO_CARRIER:
			carrier_names(x->benefit, names, sizeof(names));
			n = snprintf(buf, size, "free shipping only with %s, no carrier chosen", names);
			break;
		case LTY_MSG_OTHER_CARRIER: {
			char chosen[48];
			carrier_names(x->benefit, names, sizeof(names));
			lty_printable(chosen, sizeof(chosen), x->text.ptr, x->text.len);
			n = snprintf(buf, size, "free shipping only with %s, not %s", names, chosen);
			break;
		}
		case LTY_MSG_DISABLED:
			n = snprintf(buf, size, "the customer account is disabled");
			break;
		case LTY_MSG_NOT_IN_SEGMENT:
			lty_printable(shown, sizeof(shown), a->segment_source.ptr, a->segment_source.len);
			n = snprintf(buf, size, a->segment >= 0 ? "not in segment '%s'" : "does not match %s", shown);
			break;
		case LTY_MSG_ADVANTAGE_VOUCHER:
			n = snprintf(buf, size, "does not apply with a voucher");
			break;
		case LTY_MSG_BELOW:
			n = snprintf(buf, size, "subtotal %s is below %s", lty_money_format(x->a, one, sizeof(one)),
				lty_money_format(x->b, two, sizeof(two)));
			break;
		case LTY_MSG_NOT_BEST:
			lty_printable(shown, 80, a->id.ptr, a->id.len);
			n = snprintf(buf, size, "'%s' is worth more (%s against %s)", shown,
				lty_money_format(x->a, one, sizeof(one)), lty_money_format(x->b, two, sizeof(two)));
			break;
		case LTY_MSG_ORDER_NUMBER:
			n = snprintf(buf, size, "points are usable from order %lld, this is order %lld", (long long) x->a, (long long) x->b);
			break;
		case LTY_MSG_LOYALTY_VOUCHER:
			n = snprintf(buf, size, "points cannot be used with a voucher");
			break;
		case LTY_MSG_ADVANTAGE_WINS:
			n = snprintf(buf, size, "a segment advantage applied and points do not combine with it");
			break;
		case LTY_MSG_NO_BRACKET_POINTS:
		case LTY_MSG_NO_BRACKET_ORDERS:
			n = snprintf(buf, size, "%lld %s, the first bracket needs %lld", (long long) x->a,
				x->message == LTY_MSG_NO_BRACKET_ORDERS ? "orders" : "points", (long long) x->b);
			break;
		case LTY_MSG_NOT_USABLE:
			n = snprintf(buf, size, "%lld usable points, the bracket needs %lld", (long long) x->a, (long long) x->b);
			break;
		case LTY_MSG_NO_LINE:
			lty_printable(shown, sizeof(shown), a->lines_source.ptr, a->lines_source.len);
			n = snprintf(buf, size, "no cart line matches %s", shown);
			break;
		case LTY_MSG_BELOW_LINES:
			n = snprintf(buf, size, "the matching lines make %s, below %s", lty_money_format(x->a, one, sizeof(one)),
				lty_money_format(x->b, two, sizeof(two)));
			break;
		case LTY_MSG_BELOW_UNITS:
			n = snprintf(buf, size, "%lld unit%s, the first tier needs %lld", (long long) x->a, x->a == 1 ? "" : "s", (long long) x->b);
			break;
		case LTY_MSG_SCHEDULE:
			n = schedule_message(x, buf, size);
			break;
		case LTY_MSG_USED_UP:
			n = snprintf(buf, size, "already used %lld time%s, at most %lld per customer", (long long) x->a,
				x->a == 1 ? "" : "s", (long long) x->b);
			break;
		case LTY_MSG_ZERO_VALUE:
			n = snprintf(buf, size, "gives 0.00 on this cart");
			break;
	}
	if (n < 0) {
		n = 0;
	}
	return (size_t) head + ((size_t) n < size ? (size_t) n : size - 1);
}
