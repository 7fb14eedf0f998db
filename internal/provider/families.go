package provider

// The object families the provider serves. Each registers what it offers
// from its register.go (framework/registry.go); a blank import here links
// it in, and this is the only place in this package a new family is added
// (TestFamiliesAreLinkedIn).
import (
	_ "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/account"
	_ "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
	_ "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/contactbook"
	_ "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/functions"
	_ "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/message"
	_ "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/otp"
	_ "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/shortlink"
	_ "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/stoplist"
)
