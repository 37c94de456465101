// Interchange module.
