; check: MONOTONICITY/unbounded/finra
; property: MONOTONICITY
; expected: sat (the premises are satisfiable: the proof is not vacuous)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun rest_maintenance () Real)
(declare-fun rest_initial () Real)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
(declare-fun p0_after () Real)
(assert
 (<= 0.0 rest_maintenance))
(assert
 (<= rest_maintenance rest_initial))
(assert
 (<= 0.0 p0))
(assert
 (<= 1.0 lev0))
(assert
 (>= 10.0 lev0))
(assert
 (<= 0.0 x0))
(assert
 (>= 1.0 x0))
(assert
 (< 0.0 q0))
(assert
 (<= 0.0 p0_after))
(assert
 (<= p0_after p0))
(check-sat)
