# Phone numbers as people write them, in the form every phone attribute of
# the provider takes.
variable "customers" {
  type    = list(string)
  default = ["+380 (66) 123-12-31", "380-66-123-12-32"]
}

output "phones" {
  value = [for p in var.customers : provider::oneapi::phone(p)]
}
