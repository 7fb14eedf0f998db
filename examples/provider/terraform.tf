terraform {
  required_providers {
    oneapi = {
      source  = "oneapi-terraform/oneapi"
      version = "~> 0.1"
    }
  }
}
