// Survey module.
