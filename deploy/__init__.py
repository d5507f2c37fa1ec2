"""Production deployment: configuration templates, the local stack runner and the benchmark."""
