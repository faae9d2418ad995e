"""Start the web chat: `python app.py [--corpus DIR] [--index DIR] [--port P]`.

The same as `qa serve`; the chat itself lives in qa/web/.
"""

import sys

from qa.web.server import cli

if __name__ == "__main__":
    sys.exit(cli())
