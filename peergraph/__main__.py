from peergraph.cli import main

main()
