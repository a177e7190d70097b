-- An environment's own gate policy for its checks: finding selectors, one per line; NULL keeps the default's list.
ALTER TABLE environment ADD COLUMN gate_fail_on TEXT, ADD COLUMN gate_warn_on TEXT;
