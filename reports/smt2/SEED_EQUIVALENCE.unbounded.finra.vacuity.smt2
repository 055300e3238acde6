; check: SEED_EQUIVALENCE/unbounded/finra
; property: SEED_EQUIVALENCE
; expected: sat (the premises are satisfiable: the proof is not vacuous)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun mg0 () Bool)
(declare-fun q0 () Real)
(declare-fun gross () Real)
(declare-fun has_positions () Bool)
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
 mg0)
(assert
 (<= 0.0 q0))
(assert
 (= 1.0 lev0))
(assert
 (= 0.0 x0))
(assert
 (<= 0.0 p0))
(assert
 (<= 0.0 gross))
(assert
 (and (and true (or (not has_positions) (< 0.0 gross))) (or (not (< 0.0 gross)) has_positions)))
(check-sat)
