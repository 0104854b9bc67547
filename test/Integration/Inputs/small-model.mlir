// A small int8 model executed end to end: an int8 tosa.conv2d, a
// tosa.rescale to int8 activations, then two quantized islands (sigmoid,
// then SiLU on its result), as a PT2E-quantized network exported to TOSA
// with the quant dialect has them. The unfolded module (quantize and
// dequantize expanded exactly with --tosa-expand-qdq) and the folded one must
// print the same 512 output codes: folding must not make a whole model drift.

func.func @model(%input: tensor<1x8x8x4xi8>) -> tensor<1x8x8x8xi8> {
  %weight = "tosa.const"() <{values = dense<[[[[11, -2, 10, 4], [4, -10, 18, 18], [-4, -1, 11, -4]], [[6, -19, 0, -1], [11, -2, -11, 10], [-19, -13, 19, 8]], [[-5, -2, -18, -12], [5, -20, 10, 14], [15, -3, -5, 10]]], [[[-18, -5, 11, -3], [-11, -2, -2, 11], [18, 10, 13, 18]], [[-13, -19, -12, -1], [-2, 14, 1, 19], [-2, 13, -19, 9]], [[2, 3, 17, -12], [-18, -20, -4, 15], [9, -14, 14, -8]]], [[[-20, 7, 7, 18], [16, 20, 10, 4], [10, 5, -8, -2]], [[9, -16, -1, -20], [7, 17, -2, 10], [-1, -11, -10, 10]], [[15, 11, 1, 14], [-11, 7, 17, 14], [-17, -16, -6, -3]]], [[[-15, -16, -19, 1], [7, -16, 5, 11], [-17, -13, -13, -6]], [[19, -13, -12, -2], [8, -11, -9, 19], [-9, 6, -10, -16]], [[19, -7, -18, 15], [-14, 4, -16, -3], [-17, 16, 16, -13]]], [[[5, 19, -12, -20], [7, -15, 0, 18], [11, 11, 2, 3]], [[-17, -12, -2, -11], [16, 20, 12, -2], [15, 15, 19, -6]], [[-4, -16, 15, -5], [-4, -2, 13, -12], [-5, 3, 9, 4]]], [[[-9, -12, -19, 1], [-15, 16, -18, -15], [-13, 12, 18, 9]], [[-5, 4, 9, 10], [0, -14, 13, -19], [14, 4, -17, -11]], [[7, -6, -13, -15], [11, -7, -12, 19], [4, 2, -5, -2]]], [[[1, 19, 2, 4], [4, -12, 2, -2], [20, 7, 3, 13]], [[-18, 17, 16, -7], [-9, 5, -16, -14], [-18, -18, -9, -8]], [[-8, -18, 11, 10], [2, -20, 7, 10], [-1, 19, 7, 0]]], [[[9, 9, -14, -8], [-11, -10, -16, 3], [4, 10, -11, 15]], [[-4, -13, -3, -10], [-2, -5, -18, 10], [-18, 2, 3, 0]], [[-17, -19, 9, 10], [-11, -13, 0, -2], [9, -5, -10, -18]]]]> : tensor<8x3x3x4xi8>}> : () -> tensor<8x3x3x4xi8>
  %bias = "tosa.const"() <{values = dense<[-295, 231, -475, 88, -264, 172, -420, 132]> : tensor<8xi32>}> : () -> tensor<8xi32>
  %izp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %acc = tosa.conv2d %input, %weight, %bias, %izp, %wzp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x4xi8>, tensor<8x3x3x4xi8>, tensor<8xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x8x8x8xi32>
  %multiplier = "tosa.const"() <{values = dense<1518500250> : tensor<1xi32>}> : () -> tensor<1xi32>
  %shift = "tosa.const"() <{values = dense<38> : tensor<1xi8>}> : () -> tensor<1xi8>
  %acc_zp = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %out_zp = "tosa.const"() <{values = dense<-6> : tensor<1xi8>}> : () -> tensor<1xi8>
  %codes = tosa.rescale %acc, %multiplier, %shift, %acc_zp, %out_zp {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x8x8x8xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x8x8x8xi8>
  %q0 = quant.scast %codes : tensor<1x8x8x8xi8> to tensor<1x8x8x8x!quant.uniform<i8:f32, 0.0627450980:-6>>
  %x0 = quant.dcast %q0 : tensor<1x8x8x8x!quant.uniform<i8:f32, 0.0627450980:-6>> to tensor<1x8x8x8xf32>
  %s = tosa.sigmoid %x0 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %q1 = quant.qcast %s : tensor<1x8x8x8xf32> to tensor<1x8x8x8x!quant.uniform<i8:f32, 0.00390625:-128>>
  %x1 = quant.dcast %q1 : tensor<1x8x8x8x!quant.uniform<i8:f32, 0.00390625:-128>> to tensor<1x8x8x8xf32>
  %g = tosa.sigmoid %x1 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %mshift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %silu = tosa.mul %x1, %g, %mshift : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>, tensor<1xi8>) -> tensor<1x8x8x8xf32>
  %q2 = quant.qcast %silu : tensor<1x8x8x8xf32> to tensor<1x8x8x8x!quant.uniform<i8:f32, 0.0039215689:-77>>
  %out = quant.scast %q2 : tensor<1x8x8x8x!quant.uniform<i8:f32, 0.0039215689:-77>> to tensor<1x8x8x8xi8>
  return %out : tensor<1x8x8x8xi8>
}

func.func private @printMemrefI32(tensor<*xi32>)

func.func @main() {
  %input = "tosa.const"() <{values = dense<[[[[2, 55, -114, 110], [-1, -102, -48, -71], [62, 112, -2, 66], [-76, -1, -122, -18], [80, 15, -35, 71], [-47, -92, -57, 99], [-64, -61, -128, -126], [-21, -18, -44, -43]], [[20, 32, -27, -24], [-35, -28, 68, 24], [-117, 56, 84, -44], [-54, 7, -95, 41], [26, -127, 45, -95], [30, 53, 28, 118], [33, -34, 118, 113], [-38, -99, 3, -117]], [[55, 78, -119, 86], [59, 64, -124, 103], [-105, -36, -28, -68], [-3, 108, 48, 53], [0, 108, -73, 60], [23, -110, 93, -82], [-22, 46, 57, -53], [46, 13, -81, 31]], [[34, 28, -38, -88], [-52, 30, 119, -46], [-104, -87, 79, -112], [-7, 48, 0, 105], [87, -54, -100, -112], [124, 43, -22, -62], [-61, 83, -74, -42], [94, 62, -52, -98]], [[87, 22, -56, 104], [-42, 104, 121, 34], [117, 12, 21, 112], [78, -53, -71, 65], [-37, 127, 45, -36], [-83, 123, 11, 56], [-96, 54, -111, 28], [58, 15, 120, 7]], [[22, 46, -37, -123], [114, 0, 38, 12], [109, 19, 54, 50], [12, 48, 81, 51], [-40, 102, 58, 43], [-56, -43, -27, 57], [116, 16, -88, 85], [-41, 87, 26, 10]], [[-114, -28, -47, 97], [-36, -16, -36, -107], [113, -13, -44, -101], [-60, -72, 34, -36], [119, -29, -110, 84], [110, 51, 66, -92], [-24, -7, 63, -128], [51, 79, 14, 81]], [[-70, 63, -110, 26], [-80, 23, 45, 22], [52, -62, 86, 81], [61, 111, -56, -48], [67, 116, -27, -60], [-82, 51, -128, 67], [-73, 38, -56, 38], [64, 91, 93, -13]]]]> : tensor<1x8x8x4xi8>}> : () -> tensor<1x8x8x4xi8>
  %out = call @model(%input) : (tensor<1x8x8x4xi8>) -> tensor<1x8x8x8xi8>
  %wide = tosa.cast %out : (tensor<1x8x8x8xi8>) -> tensor<1x8x8x8xi32>
  %unranked = tensor.cast %wide : tensor<1x8x8x8xi32> to tensor<*xi32>
  call @printMemrefI32(%unranked) : (tensor<*xi32>) -> ()
  return
}
