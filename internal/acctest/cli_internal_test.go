package acctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// markCase is set in the environment of the test binary that
// TestRequireNativeMark runs again: only then do the cases below run.
const markCase = "ACCTEST_MARK_CASE"

// TestRequireNativeMark runs the cases below in a test binary of their
// own against a Terraform 1.11 CLI (a script that answers version -json):
// a test of the 1.14 features without the mark fails, the mark anywhere
// but in the test function itself fails, and a marked test skips on the
// older CLI, or fails when ONEAPI_ACC_NATIVE=1 promised a newer one.
func TestRequireNativeMark(t *testing.T) {
	if os.Getenv(markCase) != "" {
		t.Skip("the cases' own run")
	}
	tf := filepath.Join(t.TempDir(), "terraform")
	if err := os.WriteFile(tf, []byte("#!/bin/sh\necho '{\"terraform_version\":\"1.11.4\"}'\n"), 0o700); err != nil { //nolint:gosec // a test script
		t.Fatal(err)
	}
	for _, c := range []struct {
		test, native, want string
		fails              bool
	}{
		{"TestMarkCaseUnmarked", "", "TestMarkCaseUnmarked uses the Terraform 1.14 features but does not start with acctest.RequireNative(t)", true},
		{"TestMarkCaseInSubtest", "", "call it in the test function TestMarkCaseInSubtest/sub itself", true},
		{"TestMarkCaseMarked", "", "--- SKIP: TestMarkCaseMarked", false},
		{"TestMarkCaseMarked", "1", "ONEAPI_ACC_NATIVE=1 but TF_ACC_TERRAFORM_PATH=" + tf + " is Terraform 1.11.4", true},
	} {
		t.Run(c.test+" native="+c.native, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^"+c.test+"$", "-test.v") //nolint:gosec,noctx // this test binary
			cmd.Env = append(os.Environ(), markCase+"=1", "TF_ACC=1", "TF_ACC_TERRAFORM_PATH="+tf, "ONEAPI_ACC_NATIVE="+c.native)
			out, err := cmd.CombinedOutput()
			if (err != nil) != c.fails || !strings.Contains(string(out), c.want) {
				t.Errorf("%s: failed %v (want %v), want the output to say %q:\n%s", c.test, err != nil, c.fails, c.want, out)
			}
		})
	}
}

func markCaseOnly(t *testing.T) {
	t.Helper()
	if os.Getenv(markCase) == "" {
		t.Skip("a case of TestRequireNativeMark")
	}
}

func TestMarkCaseUnmarked(t *testing.T) {
	markCaseOnly(t)
	NewCLI(t, nil)
}

func TestMarkCaseInSubtest(t *testing.T) {
	markCaseOnly(t)
	t.Run("sub", func(t *testing.T) { RequireNative(t) })
}

func TestMarkCaseMarked(t *testing.T) {
	markCaseOnly(t)
	RequireNative(t)
	t.Error("ran past RequireNative with a Terraform 1.11 CLI")
}

// TestNativeTestsListsEveryMark: scripts/native-tests.sh, which selects
// make test's 1.14+ run, lists one test per acctest.RequireNative(t) of the
// repository's tests, so that none is written where the script would miss
// it (RequireNative itself refuses any place but the test function).
func TestNativeTestsListsEveryMark(t *testing.T) {
	marks := 0
	for _, root := range []string{"../../internal", "../../bench"} {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") || strings.Contains(path, "internal/acctest/") {
				return err // the harness's own tests name the mark in strings
			}
			b, err := os.ReadFile(path) //nolint:gosec // the repository's own files
			for _, line := range strings.Split(string(b), "\n") {
				if strings.Contains(line, "acctest.RequireNative(t)") && !strings.HasPrefix(strings.TrimSpace(line), "//") {
					marks++
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command("../../scripts/native-tests.sh").Output() //nolint:noctx // the repository's script
	if err != nil {
		t.Fatalf("scripts/native-tests.sh: %v", err)
	}
	listed := strings.Count(strings.TrimSpace(string(out)), "|") + 1
	if marks < 40 || listed != marks {
		t.Errorf("scripts/native-tests.sh lists %d tests, the tests have %d acctest.RequireNative(t): %s", listed, marks, out)
	}
}
