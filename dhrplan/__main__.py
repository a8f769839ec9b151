from dhrplan.cli import main

raise SystemExit(main())
