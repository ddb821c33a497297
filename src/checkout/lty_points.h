/* Loyalty points at checkout (SPEC 7): the discount the customer's points give, then the
 * points earned by the order. */
#ifndef LTY_POINTS_H
#define LTY_POINTS_H

#include "lty_checkout_state.h"

lty_status lty_points_spend(checkout *ck);
lty_status lty_points_earn(checkout *ck);

#endif
