// Package acctest is the acceptance-test harness every object family's
// tests share, as terraform-provider-aws's internal/acctest is:
//
//   - main.go: Main, each test package's TestMain (TRACE logs, then the
//     secret scan of every log line);
//   - acctest.go: Test (every acceptance test goes through it: provider
//     factories, pre-check, no secret in state or plan, CheckDestroy
//     required when a test applies any resource), step checks (EmptyPlan,
//     PlansACallTo), InvalidConfigs, live mode (ONEAPI_ACC_LIVE=1, Target);
//   - cli.go: the Terraform 1.14 features: RequireNative, the mark of their
//     tests (make test's 1.14+ run selects them by it), CLI (the CLI driven
//     directly) and QueryPlansImportsOnly;
//   - destroy.go: CheckGone, the CheckDestroy that asks the stand-in what
//     each resource's destroy promises;
//   - sandbox.go: the in-process stand-in (Sandbox) and every helper on it:
//     configurations, request counts, forced statuses, CheckDestroy
//     functions;
//   - checks.go: state checks (StateValue, IDOf);
//   - rpc.go: sends the protocol's RPCs in process, for what the CLI cannot
//     show (warnings) and for the benchmarks;
//   - secrets.go: the one secret scanner and its users;
//   - faults.go: the fault suite's report rows.
//
// A family's tests live beside its code, in the family's external test
// package (package campaign_test), and read as acctest.Test(t, ...).
package acctest
