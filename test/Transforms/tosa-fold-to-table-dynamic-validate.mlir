// Dynamic shapes need TOSA 1.1's dynamic extension; with it, the folded IR
// validates.

// RUN: lutfold-opt --tosa-fold-to-table %s \
// RUN:   | mlir-opt --tosa-attach-target="specification_version=1.1.draft profiles=pro_int extensions=dynamic" \
// RUN:     --tosa-validate | FileCheck %s

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK-LABEL: func.func @dynamic
// CHECK:         tosa.table %{{.*}} : (tensor<?x?xi8>, tensor<256xi8>) -> tensor<?x?xi8>
func.func @dynamic(%arg0: tensor<?x?x!in>) -> tensor<?x?x!out> {
  %0 = quant.dcast %arg0 : tensor<?x?x!in> to tensor<?x?xf32>
  %1 = tosa.sigmoid %0 : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %2 = quant.qcast %1 : tensor<?x?xf32> to tensor<?x?x!out>
  return %2 : tensor<?x?x!out>
}
