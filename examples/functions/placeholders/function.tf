# The contact fields a text fills in, to check against the fields the
# configuration manages.
variable "text" {
  type    = string
  default = "Hello {248460001}, see you in {248460002}"
}

output "fields" {
  value = provider::oneapi::placeholders(var.text)
}
