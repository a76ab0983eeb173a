SELECT tasker_apply_changes(?::bigint[], ?::bigint[],
                            ?::bigint[], ?::bigint[], ?::int[], ?::boolean[], ?::boolean[], ?::text[], ?::text[], ?::int[],
                            ?::boolean[], ?::text[],
                            ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::boolean[], ?::text[], ?::text[],
                            ?::bigint[], ?::text[], ?::text[], ?::int[], ?::boolean[], ?::text[], ?::text[],
                            ?::bigint[], ?::boolean[], ?::text[], ?::boolean[])
