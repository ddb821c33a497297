/* One walk over an iterable parameter (an array or any Traversable, generators
 * included) for filter() and backtest(): one item in memory at a time. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"

#include "php_loyalty.h"

static zend_result each_of_traversable(zend_object *traversable, php_loyalty_each each, void *ctx)
{
	zend_object_iterator *it;
	zend_result result = FAILURE;
	zval key, *item, object;

	ZVAL_OBJ(&object, traversable);
	it = traversable->ce->get_iterator(traversable->ce, &object, 0);
	if (it == NULL || EG(exception)) {
		if (it) {
			zend_iterator_dtor(it);
		}
		return FAILURE;
	}
	if (it->funcs->rewind) {
		it->funcs->rewind(it);
	}
	while (!EG(exception) && it->funcs->valid(it) == SUCCESS && !EG(exception)) {
		item = it->funcs->get_current_data(it);
		if (EG(exception) || item == NULL) {
			break;
		}
		if (it->funcs->get_current_key) {
			it->funcs->get_current_key(it, &key);
			if (EG(exception)) {
				zval_ptr_dtor(&key);
				break;
			}
		} else {
			ZVAL_LONG(&key, (zend_long) it->index);
		}
		if (each(ctx, &key, item) == FAILURE) {
			zval_ptr_dtor(&key);
			break;
		}
		zval_ptr_dtor(&key);
		it->index++;
		it->funcs->move_forward(it);
	}
	if (!EG(exception)) {
		result = SUCCESS;
	}
	zend_iterator_dtor(it);
	return result;
}

zend_result php_loyalty_iterate(zval *iterable, php_loyalty_each each, void *ctx)
{
	if (Z_TYPE_P(iterable) == IS_ARRAY) {
		return php_loyalty_each_of_array(Z_ARRVAL_P(iterable), each, ctx);
	}
	return each_of_traversable(Z_OBJ_P(iterable), each, ctx);
}
