"""ETL: a folder of government reports -> a DuckDB warehouse of grounded indicator facts.

Stages, each a module with one plain function at its top, data flowing one way:

    read.read_file          path -> RawDocument (text as found in the file)
    normalise.normalise     text -> normalised text (what spans point into)
    detect.detect           normalised text -> ReportMeta (agency, year, type, ...)
    extract.extract         normalised text + year -> list[Fact]
    load (warehouse.py)     facts of all files -> a new warehouse file, swapped in atomically
"""
