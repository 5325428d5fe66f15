import sys

from uptc.cli import main

sys.exit(main())
