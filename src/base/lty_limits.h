/* Sizes beyond which input is refused with a clean exception rather than
 * exhausting memory or time. docs/limits.md lists them for shop developers;
 * tests/hostile/limits.phpt checks each one. */
#ifndef LTY_LIMITS_H
#define LTY_LIMITS_H

#define LTY_MAX_SETTINGS_BYTES (16u * 1024 * 1024) /* fromJson() input */
#define LTY_MAX_SETTINGS_NODES 4000000u            /* values in a settings array, all levels */
#define LTY_MAX_SETTINGS_DEPTH 32                  /* settings arrays nested deeper are not read ("array nested too deep") */
#define LTY_MAX_SEGMENTS 10000
#define LTY_MAX_SEGMENT_CHAIN 32                   /* segment() references in a chain: bounds C recursion */
#define LTY_MAX_ADVANTAGES 200000
#define LTY_MAX_TIERS 1000                         /* per advantage */
#define LTY_MAX_BRACKETS 1000
#define LTY_MAX_LIST 10000                         /* carriers or warn_days in settings */
#define LTY_MAX_CART_LINES 100000
#define LTY_MAX_CUSTOMER_LIST 1000000              /* groups, carriers or bought of one customer */
#define LTY_MAX_RESULT_KEPT_ITEMS 4096             /* list items a Result keeps for its segments read late; more: tested at once */
#define LTY_MAX_LEDGER_ENTRIES 1000000

#endif
