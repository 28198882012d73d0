# Built-in rule packs and word lists; installed as the package officekit.builtin_rules.
