import sys

from parDesk.cli import main

sys.exit(main())
