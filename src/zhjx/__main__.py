import sys

from zhjx.cli import main

sys.exit(main())
