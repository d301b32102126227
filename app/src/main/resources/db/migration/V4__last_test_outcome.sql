-- Test Connection results tell their outcome in one word (blocked, dns, refused, tls, timeout,
-- rejected, ...) and name the request that was sent; tests stored before have neither.
ALTER TABLE connections ADD COLUMN last_test_outcome VARCHAR(32);
ALTER TABLE connections ADD COLUMN last_test_request VARCHAR(2100);
