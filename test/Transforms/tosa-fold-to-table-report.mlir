// Reporting: report-folded puts a remark at each folded quantize (the
// island's operations, its input and output types, whether its table is new
// or shared), report-declined one at each quantize left alone (the reason),
// and report-summary one line on the operation the pass runs on. All are
// MLIR remarks, so -verify-diagnostics and other tooling read them.

// RUN: lutfold-opt --split-input-file --verify-diagnostics \
// RUN:   --tosa-fold-to-table="report-folded report-declined report-summary" %s \
// RUN:   | FileCheck %s
// Without the options the pass is silent.
// RUN: sed -e 's/expected-remark//' %s \
// RUN:   | lutfold-opt --split-input-file --tosa-fold-to-table 2>&1 >/dev/null \
// RUN:   | FileCheck %s --check-prefix=SILENT --allow-empty

// SILENT-NOT: remark

!in = !quant.uniform<i8:f32, 0.1:-3>
!out = !quant.uniform<i8:f32, 0.05:-100>

// expected-remark@+1 {{tosa-fold-to-table: 3 islands folded, 1 declined, 2 distinct tables}}
module {
  // CHECK-LABEL: func.func @int8
  // CHECK-COUNT-2: "tosa.const"
  // CHECK-NOT:     "tosa.const"
  func.func @int8(%arg0: tensor<4x!in>, %arg1: tensor<4x!in>) -> (tensor<4x!out>, tensor<4x!out>, tensor<4x!quant.uniform<u8:f32, 0.1>>) {
    %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
    %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
    %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
    %2 = tosa.mul %0, %1, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
    // expected-remark@+1 {{folded into a table: tosa.sigmoid, tosa.mul; from 'tensor<4x!quant.uniform<i8:f32, 1.000000e-01:-3>>' to 'tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-100>>'; new table}}
    %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!out>
    %4 = quant.dcast %arg1 : tensor<4x!in> to tensor<4xf32>
    %5 = tosa.sigmoid %4 : (tensor<4xf32>) -> tensor<4xf32>
    %6 = tosa.mul %4, %5, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
    // expected-remark@+1 {{folded into a table: tosa.sigmoid, tosa.mul; from 'tensor<4x!quant.uniform<i8:f32, 1.000000e-01:-3>>' to 'tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-100>>'; shares the table of an earlier island}}
    %7 = quant.qcast %6 : tensor<4xf32> to tensor<4x!out>
    // expected-remark@+1 {{not folded into a table: result of quant.qcast: storage type of '!quant.uniform<u8:f32, 1.000000e-01>' is not signed 8- or 16-bit}}
    %8 = quant.qcast %6 : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.1>>
    return %3, %7, %8 : tensor<4x!out>, tensor<4x!out>, tensor<4x!quant.uniform<u8:f32, 0.1>>
  }

  // The int16 remark adds the error of TABLE + RESCALE against the
  // reference, over every input code.
  // CHECK-LABEL: func.func @int16
  // CHECK:         tosa.rescale
  func.func @int16(%arg0: tensor<4x!quant.uniform<i16<-32767:32767>:f32, 1.2207403790398877e-04>>) -> tensor<4x!quant.uniform<i16<-32767:32767>:f32, 3.0518509475997192e-05>> {
    %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i16<-32767:32767>:f32, 1.2207403790398877e-04>> to tensor<4xf32>
    %1 = tosa.tanh %0 : (tensor<4xf32>) -> tensor<4xf32>
    // expected-remark@+1 {{folded into a table: tosa.tanh; from 'tensor<4x!quant.uniform<i16<-32767:32767>:f32, 1.2207403790398877E-4>>' to 'tensor<4x!quant.uniform<i16<-32767:32767>:f32, 3.0518509475997192E-5>>'; TABLE + RESCALE, error at most 1 output code, mean 0.1977; new table}}
    %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i16<-32767:32767>:f32, 3.0518509475997192e-05>>
    return %2 : tensor<4x!quant.uniform<i16<-32767:32767>:f32, 3.0518509475997192e-05>>
  }
}

// -----

// Plain-TOSA islands are functions of the i8 code.

// expected-remark@+1 {{tosa-fold-to-table: 1 island folded, 0 declined, 1 distinct table}}
module {
  // CHECK-LABEL: func.func @plain
  // CHECK:         tosa.table
  func.func @plain(%arg0: tensor<4xi8>) -> tensor<4xi8> {
    %0 = tosa.cast %arg0 : (tensor<4xi8>) -> tensor<4xf32>
    %1 = tosa.abs %0 : (tensor<4xf32>) -> tensor<4xf32>
    // expected-remark@+1 {{folded into a table: tosa.cast, tosa.abs; from i8 codes to i8 codes; new table}}
    %2 = tosa.cast %1 : (tensor<4xf32>) -> tensor<4xi8>
    return %2 : tensor<4xi8>
  }
}
