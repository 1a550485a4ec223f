-- Test-only table for EnvironmentSmokeTest. It lives in the test classpath's db/migration, so Flyway finds it only
-- in tests; being repeatable (R__) it runs after every versioned migration and never competes for a version number.
create table if not exists smoke_probe (
    id   bigint primary key,
    note text not null
);
