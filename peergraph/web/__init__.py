"""Server-rendered pages: the researcher profile and the graph explorer."""
