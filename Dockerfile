FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md server.py ./
COPY peergraph ./peergraph
COPY cypher ./cypher
RUN pip install --no-cache-dir .
EXPOSE 8000
CMD ["peergraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
