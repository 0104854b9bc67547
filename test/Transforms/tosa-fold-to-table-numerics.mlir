// Numerics presets differ on ties. The island multiplies by 1.0; the input
// scale 0.5 and output scale 1.0 (zero points 0) make every odd code a tie:
// c = 2k + 1 dequantizes to k + 0.5. PT2E rounds ties to even
// (entry = round_half_even(c / 2)), TFLite away from zero
// (entry = round_half_away(c / 2)); both expected tables follow from those
// formulas alone.

// RUN: lutfold-opt --tosa-fold-to-table --mlir-print-elementsattrs-with-hex-if-larger=-1 %s \
// RUN:   | FileCheck %s --check-prefix=PT2E
// RUN: lutfold-opt --tosa-fold-to-table="numerics=pt2e" --mlir-print-elementsattrs-with-hex-if-larger=-1 %s \
// RUN:   | FileCheck %s --check-prefix=PT2E
// RUN: lutfold-opt --tosa-fold-to-table="numerics=tflite" --mlir-print-elementsattrs-with-hex-if-larger=-1 %s \
// RUN:   | FileCheck %s --check-prefix=TFLITE

// PT2E-LABEL: func.func @ties
// PT2E: "tosa.const"() <{values = dense<[-64, -64, -63, -62, -62, -62, -61, -60, -60, -60, -59, -58, -58, -58, -57, -56, -56, -56, -55, -54, -54, -54, -53, -52, -52, -52, -51, -50, -50, -50, -49, -48, -48, -48, -47, -46, -46, -46, -45, -44, -44, -44, -43, -42, -42, -42, -41, -40, -40, -40, -39, -38, -38, -38, -37, -36, -36, -36, -35, -34, -34, -34, -33, -32, -32, -32, -31, -30, -30, -30, -29, -28, -28, -28, -27, -26, -26, -26, -25, -24, -24, -24, -23, -22, -22, -22, -21, -20, -20, -20, -19, -18, -18, -18, -17, -16, -16, -16, -15, -14, -14, -14, -13, -12, -12, -12, -11, -10, -10, -10, -9, -8, -8, -8, -7, -6, -6, -6, -5, -4, -4, -4, -3, -2, -2, -2, -1, 0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 4, 5, 6, 6, 6, 7, 8, 8, 8, 9, 10, 10, 10, 11, 12, 12, 12, 13, 14, 14, 14, 15, 16, 16, 16, 17, 18, 18, 18, 19, 20, 20, 20, 21, 22, 22, 22, 23, 24, 24, 24, 25, 26, 26, 26, 27, 28, 28, 28, 29, 30, 30, 30, 31, 32, 32, 32, 33, 34, 34, 34, 35, 36, 36, 36, 37, 38, 38, 38, 39, 40, 40, 40, 41, 42, 42, 42, 43, 44, 44, 44, 45, 46, 46, 46, 47, 48, 48, 48, 49, 50, 50, 50, 51, 52, 52, 52, 53, 54, 54, 54, 55, 56, 56, 56, 57, 58, 58, 58, 59, 60, 60, 60, 61, 62, 62, 62, 63, 64]> : tensor<256xi8>}>
// TFLITE-LABEL: func.func @ties
// TFLITE: "tosa.const"() <{values = dense<[-64, -64, -63, -63, -62, -62, -61, -61, -60, -60, -59, -59, -58, -58, -57, -57, -56, -56, -55, -55, -54, -54, -53, -53, -52, -52, -51, -51, -50, -50, -49, -49, -48, -48, -47, -47, -46, -46, -45, -45, -44, -44, -43, -43, -42, -42, -41, -41, -40, -40, -39, -39, -38, -38, -37, -37, -36, -36, -35, -35, -34, -34, -33, -33, -32, -32, -31, -31, -30, -30, -29, -29, -28, -28, -27, -27, -26, -26, -25, -25, -24, -24, -23, -23, -22, -22, -21, -21, -20, -20, -19, -19, -18, -18, -17, -17, -16, -16, -15, -15, -14, -14, -13, -13, -12, -12, -11, -11, -10, -10, -9, -9, -8, -8, -7, -7, -6, -6, -5, -5, -4, -4, -3, -3, -2, -2, -1, -1, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23, 23, 24, 24, 25, 25, 26, 26, 27, 27, 28, 28, 29, 29, 30, 30, 31, 31, 32, 32, 33, 33, 34, 34, 35, 35, 36, 36, 37, 37, 38, 38, 39, 39, 40, 40, 41, 41, 42, 42, 43, 43, 44, 44, 45, 45, 46, 46, 47, 47, 48, 48, 49, 49, 50, 50, 51, 51, 52, 52, 53, 53, 54, 54, 55, 55, 56, 56, 57, 57, 58, 58, 59, 59, 60, 60, 61, 61, 62, 62, 63, 63, 64]> : tensor<256xi8>}>
func.func @ties(%arg0: tensor<8x!quant.uniform<i8:f32, 0.5>>) -> tensor<8x!quant.uniform<i8:f32, 1.0>> {
  %one = "tosa.const"() <{values = dense<1.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i8:f32, 0.5>> to tensor<8xf32>
  %1 = tosa.mul %0, %one, %shift : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 1.0>>
  return %2 : tensor<8x!quant.uniform<i8:f32, 1.0>>
}
