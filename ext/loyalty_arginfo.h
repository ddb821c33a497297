/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ba8200f586a63af5d69c107ff5c1510eee7ce2ed */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_Loyalty_cache_status, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Loyalty_Program___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Loyalty_Program_fromArray, 0, 1, Loyalty\\Program, 0)
	ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Loyalty_Program_fromJson, 0, 1, Loyalty\\Program, 0)
	ZEND_ARG_TYPE_INFO(0, json, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Loyalty_Program_toArray arginfo_Loyalty_cache_status

#define arginfo_class_Loyalty_Program_segmentNames arginfo_Loyalty_cache_status

#define arginfo_class_Loyalty_Program_warnings arginfo_Loyalty_cache_status

#define arginfo_class_Loyalty_Program___serialize arginfo_Loyalty_cache_status

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Program___unserialize, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Loyalty_Engine___construct, 0, 0, 1)
	ZEND_ARG_OBJ_TYPE_MASK(0, program, Loyalty\\Program, MAY_BE_ARRAY|MAY_BE_STRING, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Loyalty_Engine_program, 0, 0, Loyalty\\Program, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Engine_segmentsOf, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, customer, IS_ARRAY, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, now, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Engine_inSegment, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, segment, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, customer, IS_ARRAY, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, now, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Engine_filter, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, segment, IS_STRING, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, customers, Traversable, MAY_BE_ARRAY, NULL)
	ZEND_ARG_OBJ_TYPE_MASK(0, now, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Loyalty_Engine_evaluate, 0, 2, Loyalty\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, cart, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, customer, IS_ARRAY, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, now, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Loyalty_Engine_backtest, 0, 1, Loyalty\\Report, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, orders, Traversable, MAY_BE_ARRAY, NULL)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, draft, Loyalty\\Program, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, progress, IS_CALLABLE, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Loyalty_Engine_sql, 0, 2, Loyalty\\SqlFilter, 0)
	ZEND_ARG_TYPE_INFO(0, segment, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, columns, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, dialect, IS_STRING, 0, "\"mysql\"")
	ZEND_ARG_OBJ_TYPE_MASK(0, now, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Loyalty_Ledger___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, program, Loyalty\\Program, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, entries, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Ledger_earn, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, points, IS_LONG, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, at, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ref, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Ledger_grant, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, points, IS_LONG, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, at, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reason, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

#define arginfo_class_Loyalty_Ledger_spend arginfo_class_Loyalty_Ledger_earn

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Ledger_balance, 0, 0, IS_LONG, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, at, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Loyalty_Ledger_pending arginfo_class_Loyalty_Ledger_balance

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Ledger_expiring, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, at, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Ledger_warningsDue, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, from, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING, NULL)
	ZEND_ARG_OBJ_TYPE_MASK(0, to, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_Ledger_issueRewards, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, at, DateTimeInterface, MAY_BE_LONG|MAY_BE_STRING, NULL)
ZEND_END_ARG_INFO()

#define arginfo_class_Loyalty_Ledger_entries arginfo_Loyalty_cache_status

#define arginfo_class_Loyalty_Result___construct arginfo_class_Loyalty_Program___construct

#define arginfo_class_Loyalty_Result_toArray arginfo_Loyalty_cache_status

#define arginfo_class_Loyalty_Result_jsonSerialize arginfo_Loyalty_cache_status

#define arginfo_class_Loyalty_SqlFilter___construct arginfo_class_Loyalty_Program___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Loyalty_SqlFilter_explain, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Loyalty_Report___construct arginfo_class_Loyalty_Program___construct

#define arginfo_class_Loyalty_Report_toArray arginfo_Loyalty_cache_status

#define arginfo_class_Loyalty_Report_jsonSerialize arginfo_Loyalty_cache_status


ZEND_FUNCTION(Loyalty_cache_status);
ZEND_METHOD(Loyalty_Program, __construct);
ZEND_METHOD(Loyalty_Program, fromArray);
ZEND_METHOD(Loyalty_Program, fromJson);
ZEND_METHOD(Loyalty_Program, toArray);
ZEND_METHOD(Loyalty_Program, segmentNames);
ZEND_METHOD(Loyalty_Program, warnings);
ZEND_METHOD(Loyalty_Program, __serialize);
ZEND_METHOD(Loyalty_Program, __unserialize);
ZEND_METHOD(Loyalty_Engine, __construct);
ZEND_METHOD(Loyalty_Engine, program);
ZEND_METHOD(Loyalty_Engine, segmentsOf);
ZEND_METHOD(Loyalty_Engine, inSegment);
ZEND_METHOD(Loyalty_Engine, filter);
ZEND_METHOD(Loyalty_Engine, evaluate);
ZEND_METHOD(Loyalty_Engine, backtest);
ZEND_METHOD(Loyalty_Engine, sql);
ZEND_METHOD(Loyalty_Ledger, __construct);
ZEND_METHOD(Loyalty_Ledger, earn);
ZEND_METHOD(Loyalty_Ledger, grant);
ZEND_METHOD(Loyalty_Ledger, spend);
ZEND_METHOD(Loyalty_Ledger, balance);
ZEND_METHOD(Loyalty_Ledger, pending);
ZEND_METHOD(Loyalty_Ledger, expiring);
ZEND_METHOD(Loyalty_Ledger, warningsDue);
ZEND_METHOD(Loyalty_Ledger, issueRewards);
ZEND_METHOD(Loyalty_Ledger, entries);
ZEND_METHOD(Loyalty_Result, __construct);
ZEND_METHOD(Loyalty_Result, toArray);
ZEND_METHOD(Loyalty_Result, jsonSerialize);
ZEND_METHOD(Loyalty_SqlFilter, __construct);
ZEND_METHOD(Loyalty_SqlFilter, explain);
ZEND_METHOD(Loyalty_Report, __construct);
ZEND_METHOD(Loyalty_Report, toArray);
ZEND_METHOD(Loyalty_Report, jsonSerialize);


static const zend_function_entry ext_functions[] = {
	ZEND_NS_FALIAS("Loyalty", cache_status, Loyalty_cache_status, arginfo_Loyalty_cache_status)
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_ConfigException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_ExpressionException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_InputException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_LedgerException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_Program_methods[] = {
	ZEND_ME(Loyalty_Program, __construct, arginfo_class_Loyalty_Program___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Loyalty_Program, fromArray, arginfo_class_Loyalty_Program_fromArray, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Loyalty_Program, fromJson, arginfo_class_Loyalty_Program_fromJson, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Loyalty_Program, toArray, arginfo_class_Loyalty_Program_toArray, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Program, segmentNames, arginfo_class_Loyalty_Program_segmentNames, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Program, warnings, arginfo_class_Loyalty_Program_warnings, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Program, __serialize, arginfo_class_Loyalty_Program___serialize, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Program, __unserialize, arginfo_class_Loyalty_Program___unserialize, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_Engine_methods[] = {
	ZEND_ME(Loyalty_Engine, __construct, arginfo_class_Loyalty_Engine___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Engine, program, arginfo_class_Loyalty_Engine_program, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Engine, segmentsOf, arginfo_class_Loyalty_Engine_segmentsOf, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Engine, inSegment, arginfo_class_Loyalty_Engine_inSegment, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Engine, filter, arginfo_class_Loyalty_Engine_filter, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Engine, evaluate, arginfo_class_Loyalty_Engine_evaluate, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Engine, backtest, arginfo_class_Loyalty_Engine_backtest, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Engine, sql, arginfo_class_Loyalty_Engine_sql, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_Ledger_methods[] = {
	ZEND_ME(Loyalty_Ledger, __construct, arginfo_class_Loyalty_Ledger___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, earn, arginfo_class_Loyalty_Ledger_earn, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, grant, arginfo_class_Loyalty_Ledger_grant, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, spend, arginfo_class_Loyalty_Ledger_spend, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, balance, arginfo_class_Loyalty_Ledger_balance, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, pending, arginfo_class_Loyalty_Ledger_pending, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, expiring, arginfo_class_Loyalty_Ledger_expiring, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, warningsDue, arginfo_class_Loyalty_Ledger_warningsDue, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, issueRewards, arginfo_class_Loyalty_Ledger_issueRewards, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Ledger, entries, arginfo_class_Loyalty_Ledger_entries, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_Result_methods[] = {
	ZEND_ME(Loyalty_Result, __construct, arginfo_class_Loyalty_Result___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Loyalty_Result, toArray, arginfo_class_Loyalty_Result_toArray, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Result, jsonSerialize, arginfo_class_Loyalty_Result_jsonSerialize, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_SqlFilter_methods[] = {
	ZEND_ME(Loyalty_SqlFilter, __construct, arginfo_class_Loyalty_SqlFilter___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Loyalty_SqlFilter, explain, arginfo_class_Loyalty_SqlFilter_explain, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Loyalty_Report_methods[] = {
	ZEND_ME(Loyalty_Report, __construct, arginfo_class_Loyalty_Report___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Loyalty_Report, toArray, arginfo_class_Loyalty_Report_toArray, ZEND_ACC_PUBLIC)
	ZEND_ME(Loyalty_Report, jsonSerialize, arginfo_class_Loyalty_Report_jsonSerialize, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static void register_loyalty_symbols(int module_number)
{
	REGISTER_STRING_CONSTANT("Loyalty\\VERSION", PHP_LOYALTY_VERSION, CONST_PERSISTENT);
}

static zend_class_entry *register_class_Loyalty_Exception(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "Exception", class_Loyalty_Exception_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_ConfigException(zend_class_entry *class_entry_InvalidArgumentException, zend_class_entry *class_entry_Loyalty_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "ConfigException", class_Loyalty_ConfigException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);
	zend_class_implements(class_entry, 1, class_entry_Loyalty_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_ExpressionException(zend_class_entry *class_entry_Loyalty_ConfigException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "ExpressionException", class_Loyalty_ExpressionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Loyalty_ConfigException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_InputException(zend_class_entry *class_entry_InvalidArgumentException, zend_class_entry *class_entry_Loyalty_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "InputException", class_Loyalty_InputException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 1, class_entry_Loyalty_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_LedgerException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_Loyalty_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "LedgerException", class_Loyalty_LedgerException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 1, class_entry_Loyalty_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_Program(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "Program", class_Loyalty_Program_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_Engine(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "Engine", class_Loyalty_Engine_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_Ledger(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "Ledger", class_Loyalty_Ledger_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_Result(zend_class_entry *class_entry_JsonSerializable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "Result", class_Loyalty_Result_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_JsonSerializable);

	zval property_subtotal_default_value;
	ZVAL_UNDEF(&property_subtotal_default_value);
	zend_string *property_subtotal_name = zend_string_init("subtotal", sizeof("subtotal") - 1, 1);
	zend_declare_typed_property(class_entry, property_subtotal_name, &property_subtotal_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_subtotal_name);

	zval property_discount_default_value;
	ZVAL_UNDEF(&property_discount_default_value);
	zend_string *property_discount_name = zend_string_init("discount", sizeof("discount") - 1, 1);
	zend_declare_typed_property(class_entry, property_discount_name, &property_discount_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_discount_name);

	zval property_shipping_default_value;
	ZVAL_UNDEF(&property_shipping_default_value);
	zend_string *property_shipping_name = zend_string_init("shipping", sizeof("shipping") - 1, 1);
	zend_declare_typed_property(class_entry, property_shipping_name, &property_shipping_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_shipping_name);

	zval property_shippingDiscount_default_value;
	ZVAL_UNDEF(&property_shippingDiscount_default_value);
	zend_string *property_shippingDiscount_name = zend_string_init("shippingDiscount", sizeof("shippingDiscount") - 1, 1);
	zend_declare_typed_property(class_entry, property_shippingDiscount_name, &property_shippingDiscount_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_shippingDiscount_name);

	zval property_freeShipping_default_value;
	ZVAL_UNDEF(&property_freeShipping_default_value);
	zend_string *property_freeShipping_name = zend_string_init("freeShipping", sizeof("freeShipping") - 1, 1);
	zend_declare_typed_property(class_entry, property_freeShipping_name, &property_freeShipping_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_freeShipping_name);

	zval property_total_default_value;
	ZVAL_UNDEF(&property_total_default_value);
	zend_string *property_total_name = zend_string_init("total", sizeof("total") - 1, 1);
	zend_declare_typed_property(class_entry, property_total_name, &property_total_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_total_name);

	zval property_pointsEarned_default_value;
	ZVAL_UNDEF(&property_pointsEarned_default_value);
	zend_string *property_pointsEarned_name = zend_string_init("pointsEarned", sizeof("pointsEarned") - 1, 1);
	zend_declare_typed_property(class_entry, property_pointsEarned_name, &property_pointsEarned_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_pointsEarned_name);

	zval property_pointsSpent_default_value;
	ZVAL_UNDEF(&property_pointsSpent_default_value);
	zend_string *property_pointsSpent_name = zend_string_init("pointsSpent", sizeof("pointsSpent") - 1, 1);
	zend_declare_typed_property(class_entry, property_pointsSpent_name, &property_pointsSpent_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_pointsSpent_name);

	zval property_pointsBalance_default_value;
	ZVAL_UNDEF(&property_pointsBalance_default_value);
	zend_string *property_pointsBalance_name = zend_string_init("pointsBalance", sizeof("pointsBalance") - 1, 1);
	zend_declare_typed_property(class_entry, property_pointsBalance_name, &property_pointsBalance_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_pointsBalance_name);

	zval property_segments_default_value;
	ZVAL_UNDEF(&property_segments_default_value);
	zend_string *property_segments_name = zend_string_init("segments", sizeof("segments") - 1, 1);
	zend_declare_typed_property(class_entry, property_segments_name, &property_segments_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_segments_name);

	zval property_applied_default_value;
	ZVAL_UNDEF(&property_applied_default_value);
	zend_string *property_applied_name = zend_string_init("applied", sizeof("applied") - 1, 1);
	zend_declare_typed_property(class_entry, property_applied_name, &property_applied_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_applied_name);

	zval property_rejected_default_value;
	ZVAL_UNDEF(&property_rejected_default_value);
	zend_string *property_rejected_name = zend_string_init("rejected", sizeof("rejected") - 1, 1);
	zend_declare_typed_property(class_entry, property_rejected_name, &property_rejected_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_rejected_name);

	zval property_lines_default_value;
	ZVAL_UNDEF(&property_lines_default_value);
	zend_string *property_lines_name = zend_string_init("lines", sizeof("lines") - 1, 1);
	zend_declare_typed_property(class_entry, property_lines_name, &property_lines_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_lines_name);

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_SqlFilter(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "SqlFilter", class_Loyalty_SqlFilter_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_where_default_value;
	ZVAL_UNDEF(&property_where_default_value);
	zend_string *property_where_name = zend_string_init("where", sizeof("where") - 1, 1);
	zend_declare_typed_property(class_entry, property_where_name, &property_where_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_where_name);

	zval property_params_default_value;
	ZVAL_UNDEF(&property_params_default_value);
	zend_string *property_params_name = zend_string_init("params", sizeof("params") - 1, 1);
	zend_declare_typed_property(class_entry, property_params_name, &property_params_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_params_name);

	zval property_exact_default_value;
	ZVAL_UNDEF(&property_exact_default_value);
	zend_string *property_exact_name = zend_string_init("exact", sizeof("exact") - 1, 1);
	zend_declare_typed_property(class_entry, property_exact_name, &property_exact_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_exact_name);

	zval property_residual_default_value;
	ZVAL_UNDEF(&property_residual_default_value);
	zend_string *property_residual_name = zend_string_init("residual", sizeof("residual") - 1, 1);
	zend_declare_typed_property(class_entry, property_residual_name, &property_residual_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_residual_name);

	return class_entry;
}

static zend_class_entry *register_class_Loyalty_Report(zend_class_entry *class_entry_JsonSerializable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Loyalty", "Report", class_Loyalty_Report_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_JsonSerializable);

	zval property_orders_default_value;
	ZVAL_UNDEF(&property_orders_default_value);
	zend_string *property_orders_name = zend_string_init("orders", sizeof("orders") - 1, 1);
	zend_declare_typed_property(class_entry, property_orders_name, &property_orders_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_orders_name);

	zval property_failed_default_value;
	ZVAL_UNDEF(&property_failed_default_value);
	zend_string *property_failed_name = zend_string_init("failed", sizeof("failed") - 1, 1);
	zend_declare_typed_property(class_entry, property_failed_name, &property_failed_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_failed_name);

	zval property_current_default_value;
	ZVAL_UNDEF(&property_current_default_value);
	zend_string *property_current_name = zend_string_init("current", sizeof("current") - 1, 1);
	zend_declare_typed_property(class_entry, property_current_name, &property_current_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_current_name);

	zval property_draft_default_value;
	ZVAL_UNDEF(&property_draft_default_value);
	zend_string *property_draft_name = zend_string_init("draft", sizeof("draft") - 1, 1);
	zend_declare_typed_property(class_entry, property_draft_name, &property_draft_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY|MAY_BE_NULL));
	zend_string_release(property_draft_name);

	zval property_delta_default_value;
	ZVAL_UNDEF(&property_delta_default_value);
	zend_string *property_delta_name = zend_string_init("delta", sizeof("delta") - 1, 1);
	zend_declare_typed_property(class_entry, property_delta_name, &property_delta_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY|MAY_BE_NULL));
	zend_string_release(property_delta_name);

	return class_entry;
}
