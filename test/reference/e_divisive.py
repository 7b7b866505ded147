"""Change points of each series by signal-processing-algorithms' E-divisive, for the comparison test.

stdin: JSON {"seed": int, "pvalue": float, "permutations": int, "series": [[float, ...], ...]}
stdout: JSON [[index, ...], ...], the sorted change point indices of each series (index of the first value after).
"""
import json
import sys

import numpy as np
from signal_processing_algorithms.energy_statistics.energy_statistics import e_divisive

request = json.load(sys.stdin)
out = []
for series in request["series"]:
    np.random.seed(request["seed"])
    out.append(sorted(int(i) for i in e_divisive(series, pvalue=request["pvalue"], permutations=request["permutations"])))
json.dump(out, sys.stdout)
