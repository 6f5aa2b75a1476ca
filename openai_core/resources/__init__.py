"""One module per API area. Resources describe calls; the pipeline makes them."""
