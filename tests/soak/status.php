<?php
// The answering FPM worker's pid and its compiled-program cache (Loyalty\cache_status()).
header('Content-Type: application/json');
echo json_encode(['pid' => getmypid()] + Loyalty\cache_status()), "\n";
