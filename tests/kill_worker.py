"""Child process for test_kill: edits and attaches as fast as it can until killed.

After each operation returns (i.e. is committed) it prints what it did, so the
parent can check that everything reported as committed survived the SIGKILL.
"""

import random
import sys
from pathlib import Path

from parDesk.workspace import Workspace


def main() -> None:
    folder, pool, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    files = sorted(pool.iterdir())
    ws = Workspace(folder)
    codes = ["1.1.1", "1.1.2", "1.2.1", "2.1.1"]
    # Load what attach loads on first use (the PDF text layer reader), so the kills land in the work
    # itself rather than in one-time imports.
    import pypdfium2  # noqa: F401

    import parDesk.intake.service  # noqa: F401
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        op = rng.random()
        code = rng.choice(codes)
        if op < 0.45:
            doc = ws.attach(code, rng.choice(files))
            print(f"attach {doc.id} {doc.sha256} {code}", flush=True)
        elif op < 0.75:
            ws.set_explanation("1.1.1", f"seed {seed} op {n}")
            print(f"explain {seed} {n}", flush=True)
        elif op < 0.9:
            ws.set_inputs("1.1.2", {"numerator": n % 50, "denominator": 50})
            print(f"inputs {n % 50}", flush=True)
        else:
            docs = ws.documents(code=code)
            if docs:
                ws.detach(code, docs[0].id)
                print(f"detach {docs[0].id} {code}", flush=True)


if __name__ == "__main__":
    main()
