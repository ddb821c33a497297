<?php
// The errors of SPEC section 2, in this baseline's own namespace.
declare(strict_types=1);

namespace Loyalty\Plain;

interface Exception {}
class ConfigException extends \InvalidArgumentException implements Exception {}
class ExpressionException extends ConfigException {}
class InputException extends \InvalidArgumentException implements Exception {}
