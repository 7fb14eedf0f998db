package functions_test

import (
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

func TestMain(m *testing.M) { acctest.Main(m) }
