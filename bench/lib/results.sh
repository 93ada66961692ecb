# Sourced by the bench scripts: where a run's results go by default.

# bench/results/<date>-NAME.md, or, when a run of the same day already wrote (and maybe someone annotated) that file,
# the first of <date>-NAME-2.md, -3.md, … that does not exist yet: a run never overwrites an earlier one's results.
new_results_file() {
    local base="bench/results/$(date +%F)-$1" n=2
    local file="$base.md"
    while [ -e "$file" ]; do
        file="$base-$n.md"
        n=$((n + 1))
    done
    printf '%s\n' "$file"
}
