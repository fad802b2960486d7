from bench.executor_speed import compare
from executor.samples import revision_sop


def test_the_benchmark_runs_both_engines_on_the_same_steps():
    result = compare(revision_sop(), instances=2, repeats=1)
    assert result["steps_per_instance"] == 7  # 5 steps + one revision loop (steps 2 and 3 again)
    assert result["native_bytes"] > 0 and result["spiff_instance_bytes"] > 0
