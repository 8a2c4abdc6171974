from followthrough.cli import main

raise SystemExit(main())
