package provider_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The doors between the provider's packages, checked over the source (the
// non-test files; tests may reach anything). A family is a package directly
// under internal/provider other than framework (a package beneath a family
// is that family's).
//
//   - A family imports, from this module, only framework, internal/client
//     and internal/clock (and its own packages): never another family, the
//     provider that serves it, nor the stand-in. What two families share
//     moves to framework.
//   - framework imports, from this module, only internal/client and
//     internal/clock: it is shared by every family and knows none.
//   - The provider itself imports families in families.go only, by blank
//     imports; every directory whose package registers a family
//     (framework.Register) is imported there, and every registered family is
//     the package of the directory of its name.
//
// The non-family doors (nothing under internal/provider imports the
// stand-in, the client and the stand-in know nothing of Terraform) are
// depguard rules in .golangci.yml.

const module = "github.com/oneapi-terraform/terraform-provider-oneapi"

const providerPath = module + "/internal/provider"

// familyImports are the module's packages a family may import.
var familyImports = []string{providerPath + "/framework", module + "/internal/client", module + "/internal/clock"}

// frameworkImports are the module's packages framework may import.
var frameworkImports = []string{module + "/internal/client", module + "/internal/clock"}

// sourceImport is one import of one non-test file of a package under
// internal/provider.
type sourceImport struct {
	// Dir is the package's directory relative to internal/provider, with
	// slashes: "" for the provider itself, "framework", "campaign".
	Dir string
	// File is the file's name ("families.go").
	File string
	// Path is the imported package's path.
	Path string
	// Blank says the import is a blank one (import _ "...").
	Blank bool
}

// doorViolations returns, for each import that goes through no door, why.
func doorViolations(imports []sourceImport) []string {
	var out []string
	for _, imp := range imports {
		if !strings.HasPrefix(imp.Path+"/", module+"/") {
			continue // the standard library and other modules
		}
		if why := doorViolation(imp); why != "" {
			out = append(out, filepath.ToSlash(filepath.Join(imp.Dir, imp.File))+" imports "+short(imp.Path)+": "+why)
		}
	}
	return out
}

func doorViolation(imp sourceImport) string {
	family, _, _ := strings.Cut(imp.Dir, "/")
	imported := familyOf(imp.Path)
	switch {
	case imp.Dir == "":
		if imported != "" && (imp.File != "families.go" || !imp.Blank) {
			return "the provider names no family; families are linked in by the blank imports of families.go"
		}
	case family == "framework":
		if !slices.Contains(frameworkImports, imp.Path) {
			return "framework is shared by every family and imports none of them, nor the provider; it may import " + shortList(frameworkImports)
		}
	default:
		if imported != family && !slices.Contains(familyImports, imp.Path) {
			return "a family imports only " + shortList(familyImports) +
				"; never another family, the provider nor the stand-in: what two families share moves to framework"
		}
	}
	return ""
}

// short is a path of this module without the module's.
func short(path string) string { return strings.TrimPrefix(path, module+"/") }

func shortList(paths []string) string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = short(p)
	}
	return strings.Join(out, ", ")
}

// familyOf returns the family a package path belongs to, or "" when it is
// none (framework, the provider, anything outside internal/provider).
func familyOf(path string) string {
	rest, ok := strings.CutPrefix(path, providerPath+"/")
	if !ok {
		return ""
	}
	family, _, _ := strings.Cut(rest, "/")
	if family == "framework" {
		return ""
	}
	return family
}

// linkViolations compares the directories whose packages call
// framework.Register, the families families.go imports and the names the
// registry holds at run time.
func linkViolations(registering, linked, registered []string) []string {
	var out []string
	for _, dir := range registering {
		if !slices.Contains(linked, dir) {
			out = append(out, dir+" registers a family but families.go does not import it: it would not be served")
		}
	}
	for _, dir := range linked {
		if !slices.Contains(registering, dir) {
			out = append(out, "families.go imports "+dir+", which registers nothing")
		}
	}
	for _, name := range registered {
		if !slices.Contains(registering, name) {
			out = append(out, "the family registered as "+strconv.Quote(name)+" is no directory that registers one: name it after its package")
		}
	}
	return out
}

// sourceOf parses the non-test Go files under internal/provider: their
// imports, and the directories whose files call framework.Register.
func sourceOf(t *testing.T) (imports []sourceImport, registering []string) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(p))
		if dir == "." {
			dir = ""
		}
		for _, spec := range f.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			imports = append(imports, sourceImport{Dir: dir, File: filepath.Base(p), Path: path,
				Blank: spec.Name != nil && spec.Name.Name == "_"})
		}
		if callsRegister(f) && !slices.Contains(registering, dir) {
			registering = append(registering, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return imports, registering
}

// callsRegister reports whether a file calls framework.Register.
func callsRegister(f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Register" {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "framework" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// linkedFamilies are the families the provider's families.go imports.
func linkedFamilies(imports []sourceImport) []string {
	var out []string
	for _, imp := range imports {
		if imp.Dir == "" && imp.File == "families.go" && familyOf(imp.Path) != "" {
			out = append(out, strings.TrimPrefix(imp.Path, providerPath+"/"))
		}
	}
	return out
}

func TestModulePath(t *testing.T) {
	b, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(string(b), "\n"); first != "module "+module {
		t.Fatalf("go.mod starts with %q; the architecture tests check the doors of module %s", first, module)
	}
}

func TestArchitecture(t *testing.T) {
	imports, _ := sourceOf(t)
	if len(imports) == 0 {
		t.Fatal("no imports found under internal/provider")
	}
	for _, v := range doorViolations(imports) {
		t.Error(v)
	}
}

func TestFamiliesAreLinkedIn(t *testing.T) {
	imports, registering := sourceOf(t)
	var registered []string
	for _, f := range framework.Families() {
		registered = append(registered, f.Name)
	}
	if len(registering) == 0 || len(registered) == 0 {
		t.Fatalf("no family found: %d directories call framework.Register, %d families registered", len(registering), len(registered))
	}
	for _, v := range linkViolations(registering, linkedFamilies(imports), registered) {
		t.Error(v)
	}
}

func TestArchitectureCheckerFindsViolations(t *testing.T) {
	fw, cl, ck := providerPath+"/framework", module+"/internal/client", module+"/internal/clock"
	cases := map[string]struct {
		imp  sourceImport
		fail bool
	}{
		"family imports framework":               {sourceImport{Dir: "campaign", File: "a.go", Path: fw}, false},
		"family imports the client":              {sourceImport{Dir: "campaign", File: "a.go", Path: cl}, false},
		"family imports the clock":               {sourceImport{Dir: "campaign", File: "a.go", Path: ck}, false},
		"family imports outside the module":      {sourceImport{Dir: "campaign", File: "a.go", Path: "github.com/hashicorp/terraform-plugin-framework/resource"}, false},
		"family imports a module of its prefix":  {sourceImport{Dir: "campaign", File: "a.go", Path: module + "-extra/x"}, false},
		"family imports its own package":         {sourceImport{Dir: "campaign/wire", File: "a.go", Path: providerPath + "/campaign"}, false},
		"family imports another family":          {sourceImport{Dir: "campaign", File: "a.go", Path: providerPath + "/contactbook"}, true},
		"family's package imports another":       {sourceImport{Dir: "campaign/wire", File: "a.go", Path: providerPath + "/stoplist"}, true},
		"family imports the provider":            {sourceImport{Dir: "message", File: "a.go", Path: providerPath}, true},
		"family imports the stand-in":            {sourceImport{Dir: "message", File: "a.go", Path: module + "/internal/sandbox"}, true},
		"family imports the test harness":        {sourceImport{Dir: "account", File: "a.go", Path: module + "/internal/acctest"}, true},
		"framework imports the client":           {sourceImport{Dir: "framework", File: "a.go", Path: cl}, false},
		"framework imports the clock":            {sourceImport{Dir: "framework", File: "a.go", Path: ck}, false},
		"framework imports a family":             {sourceImport{Dir: "framework", File: "a.go", Path: providerPath + "/campaign"}, true},
		"framework imports the provider":         {sourceImport{Dir: "framework", File: "a.go", Path: providerPath}, true},
		"provider links a family in":             {sourceImport{Dir: "", File: "families.go", Path: providerPath + "/campaign", Blank: true}, false},
		"provider imports framework":             {sourceImport{Dir: "", File: "server.go", Path: fw}, false},
		"provider.go imports a family":           {sourceImport{Dir: "", File: "provider.go", Path: providerPath + "/campaign"}, true},
		"server.go imports a family":             {sourceImport{Dir: "", File: "server.go", Path: providerPath + "/campaign", Blank: true}, true},
		"families.go names a family's constants": {sourceImport{Dir: "", File: "families.go", Path: providerPath + "/campaign"}, true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got := doorViolations([]sourceImport{tc.imp})
			if tc.fail != (len(got) == 1) || len(got) > 1 {
				t.Fatalf("violations %q, want a violation: %v", got, tc.fail)
			}
		})
	}
}

func TestLinkCheckerFindsViolations(t *testing.T) {
	cases := map[string]struct {
		registering, linked, registered []string
		want                            int
	}{
		"all linked":                    {[]string{"a", "b"}, []string{"a", "b"}, []string{"b", "a"}, 0},
		"a registering family unlinked": {[]string{"a", "b"}, []string{"a"}, []string{"a"}, 1},
		"a linked family registers not": {[]string{"a"}, []string{"a", "b"}, []string{"a"}, 1},
		"a family named otherwise":      {[]string{"a"}, []string{"a"}, []string{"alpha"}, 1},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if got := linkViolations(tc.registering, tc.linked, tc.registered); len(got) != tc.want {
				t.Fatalf("violations %q, want %d", got, tc.want)
			}
		})
	}
}

func TestCallsRegister(t *testing.T) {
	for src, want := range map[string]bool{
		"package a\nfunc init() { framework.Register(framework.Family{}) }": true,
		"package a\nvar _ = framework.Families()":                           false,
		"package a\nfunc init() { other.Register(nil) }":                    false,
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "a.go", src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if got := callsRegister(f); got != want {
			t.Errorf("callsRegister(%q) = %v, want %v", src, got, want)
		}
	}
}
