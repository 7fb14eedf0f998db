# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes.
import {
  to       = oneapi_contact_list.vip
  identity = { id = "1864620" }
}
