; check: WITHDRAWAL_PROTECTION/unbounded/finra
; property: WITHDRAWAL_PROTECTION
; expected: sat (planted bug forgets_minimum_equity)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun maintenance () Real)
(declare-fun initial () Real)
(declare-fun long_market_value () Real)
(declare-fun short_market_value () Real)
(declare-fun has_positions () Bool)
(declare-fun has_shorts () Bool)
(declare-fun cash () Real)
(declare-fun keep_initial () Bool)
(declare-fun amount () Real)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x1218 (= 0.0 short_market_value)))
 (let (($x1240 (and (and (and true (= 0.0 long_market_value)) $x1218) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x1240 (= 0.0 initial))))))
(assert
 (let (($x1245 (not has_shorts)))
 (or $x1245 has_positions)))
(assert
 (let (($x1218 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x1218)))
(assert
 (let ((?x721 (ite (>= initial maintenance) initial maintenance)))
(let ((?x927 (+ (+ cash long_market_value) short_market_value)))
(let ((?x952 (- ?x927 ?x721)))
(let ((?x264 (ite has_positions ?x952 0.0)))
(let ((?x953 (ite (<= 0.0 cash) cash 0.0)))
(let (($x1245 (not has_shorts)))
(let ((?x384 (ite $x1245 (ite (<= ?x953 ?x952) ?x953 ?x952) 0.0)))
(let ((?x1200 (ite (>= ?x384 ?x264) ?x384 ?x264)))
(let ((?x379 (ite (<= 0.0 ?x952) ?x952 0.0)))
(let ((?x1230 (ite keep_initial ?x379 (ite (<= 0.0 ?x1200) ?x1200 0.0))))
(let (($x67 (< 0.0 ?x1230)))
(let (($x1231 (< 0.0 amount)))
(let (($x563 (and $x1231 (<= amount ?x1230))))
(let (($x123 (and (and true (<= 2000.0 (- ?x927 amount))) (<= maintenance (- ?x927 amount)))))
(let (($x733 (and (and true (not keep_initial)) (or (or false (> 0.0 (- cash amount))) has_shorts))))
(let (($x246 (and (and true (<= initial (- ?x927 amount))) (or (not $x733) $x123))))
(let (($x659 (not (and (and true $x1231) $x246))))
(let (($x640 (and (and (and true (<= 0.0 ?x1230)) (or (not $x563) $x246)) (or $x659 $x563))))
(let (($x1154 (and $x640 (not (and (< 0.0 (+ ?x1230 (/ 1.0 100.0))) (<= (+ ?x1230 (/ 1.0 100.0)) ?x1230))))))
(let (($x925 (and $x1154 (or (not $x67) (and $x67 (<= ?x1230 ?x1230))))))
(not $x925))))))))))))))))))))))
(check-sat)
