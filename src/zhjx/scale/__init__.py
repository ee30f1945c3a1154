"""Running zhjx over many files on a cluster (optional extra ``zhjx[dask]``).

:func:`zhjx.scale.dask.extract_bag` maps the pipeline over a Dask bag of files and
writes Parquet; import it from ``zhjx.scale.dask`` (this package imports no Dask).
"""
