"""Many documents: in this process, a process pool or Dask, streamed into one output set;
the daily job (run, load, Parquet, report).
"""
