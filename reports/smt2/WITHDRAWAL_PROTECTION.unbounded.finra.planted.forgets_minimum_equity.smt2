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
 (let (($x1162 (= 0.0 short_market_value)))
 (let (($x71 (and (and (and true (= 0.0 long_market_value)) $x1162) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x71 (= 0.0 initial))))))
(assert
 (let (($x222 (not has_shorts)))
 (or $x222 has_positions)))
(assert
 (let (($x1162 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x1162)))
(assert
 (let ((?x568 (ite (>= initial maintenance) initial maintenance)))
(let ((?x1026 (+ (+ cash long_market_value) short_market_value)))
(let ((?x1008 (- ?x1026 ?x568)))
(let ((?x1181 (ite has_positions ?x1008 0.0)))
(let ((?x1028 (ite (<= 0.0 cash) cash 0.0)))
(let (($x222 (not has_shorts)))
(let ((?x1006 (ite $x222 (ite (<= ?x1028 ?x1008) ?x1028 ?x1008) 0.0)))
(let ((?x745 (ite (>= ?x1006 ?x1181) ?x1006 ?x1181)))
(let ((?x298 (ite (<= 0.0 ?x1008) ?x1008 0.0)))
(let ((?x372 (ite keep_initial ?x298 (ite (<= 0.0 ?x745) ?x745 0.0))))
(let (($x435 (< 0.0 ?x372)))
(let (($x534 (< 0.0 amount)))
(let (($x88 (and $x534 (<= amount ?x372))))
(let (($x242 (and (and true (<= 2000.0 (- ?x1026 amount))) (<= maintenance (- ?x1026 amount)))))
(let (($x560 (and (and true (not keep_initial)) (or (or false (> 0.0 (- cash amount))) has_shorts))))
(let (($x24 (and (and true (<= initial (- ?x1026 amount))) (or (not $x560) $x242))))
(let (($x547 (not (and (and true $x534) $x24))))
(let (($x245 (and (and (and true (<= 0.0 ?x372)) (or (not $x88) $x24)) (or $x547 $x88))))
(let (($x743 (and $x245 (not (and (< 0.0 (+ ?x372 (/ 1.0 100.0))) (<= (+ ?x372 (/ 1.0 100.0)) ?x372))))))
(let (($x411 (and $x743 (or (not $x435) (and $x435 (<= ?x372 ?x372))))))
(not $x411))))))))))))))))))))))
(check-sat)
